using System.Net.Http.Json;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// Every row through nginx with wrk, in rounds whose order alternates, so drift in the machine shows up
/// as spread between rounds rather than as a difference between rows.
/// </summary>
public sealed class HttpBench(StackPorts ports, StackState state, BenchOptions options, string wrkScript, HttpClient http, Action<string> progress)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    // Long enough for the silos' thread pools to grow and tiered compilation to settle: a freshly started
    // lab measured without it makes whichever row comes first look slow.
    private static readonly TimeSpan StackWarmUp = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<HttpMeasurement>> RunAsync()
    {
        await WrkRun.RunAsync($"http://127.0.0.1:{ports.Nginx}/api/baseline", StackWarmUp, options.Connections, options.Clients, "warm-up", wrkScript);
        var measurements = new List<HttpMeasurement>();
        for (int round = 1; round <= options.Rounds; round++)
        {
            var rows = round % 2 == 1 ? BenchRow.All : BenchRow.All.Reverse().ToList();
            foreach (var row in rows)
            {
                var measurement = await Measure(row, round);
                progress($"  round {round}  {row.Name,-45} {measurement.DecisionsPerSecond,8:0} /s  p99 {measurement.P99Ms,6:0.00} ms  admitted {measurement.Allowed}");
                measurements.Add(measurement);
            }
        }

        return measurements;
    }

    /// <summary>
    /// One more run of each named row, with dotnet-counters attached to api-1: kept apart from the measured
    /// rounds, since the collector costs CPU of its own.
    /// </summary>
    public async Task<IReadOnlyList<RuntimeProfile.Result>> ProfileAsync(string tool, IReadOnlyList<string> rowNames, string workDirectory)
    {
        var profiles = new List<RuntimeProfile.Result>();
        int silo = state.Components[StackNames.Api(0)].Pid;
        foreach (var row in BenchRow.All.Where(r => rowNames.Contains(r.Name)))
        {
            await Configure(row);
            string url = $"http://127.0.0.1:{ports.Nginx}{row.Path}";
            WrkRun? run = null;
            var counters = await RuntimeProfile.CollectAsync(tool, silo, options.Duration, async () =>
                run = await WrkRun.RunAsync(url, options.Duration, options.Connections, options.Clients, $"profile-{Guid.NewGuid():N}"[..16], wrkScript), workDirectory);
            profiles.Add(new RuntimeProfile.Result(row.Name, run!.Requests / (run.DurationUs / 1e6), counters));
            progress($"  profiled {row.Name}");
        }

        return profiles;
    }

    private async Task<HttpMeasurement> Measure(BenchRow row, int round)
    {
        await Configure(row);
        string url = $"http://127.0.0.1:{ports.Nginx}{row.Path}";
        string prefix = $"bench-{round}-{Guid.NewGuid():N}"[..20];
        await WrkRun.RunAsync(url, WarmUp, options.Connections, options.Clients, prefix + "w", wrkScript);

        var silos = Enumerable.Range(0, StackPorts.Silos).Select(i => state.Components[StackNames.Api(i)].Pid).ToList();
        int redis = state.Components[StackNames.Redis].Pid;
        var nginx = ProcessCpu.WithChildren(state.Components[StackNames.Nginx].Pid).ToList();
        double siloBefore = ProcessCpu.Seconds(silos), redisBefore = ProcessCpu.Seconds(redis), nginxBefore = ProcessCpu.Seconds(nginx);
        var run = await WrkRun.RunAsync(url, options.Duration, options.Connections, options.Clients, prefix, wrkScript);
        double seconds = run.DurationUs / 1e6;

        long allowedAtMost = options.Clients * AllowedPerClient(row.Algorithm, seconds);
        return new HttpMeasurement(
            row, round, run.Requests, run.Ok, run.Limited, run.Other + run.SocketErrors, seconds,
            run.P50Us / 1000.0, run.P99Us / 1000.0, run.P999Us / 1000.0,
            ProcessCpu.Seconds(silos) - siloBefore, ProcessCpu.Seconds(redis) - redisBefore, ProcessCpu.Seconds(nginx) - nginxBefore,
            allowedAtMost);
    }

    // In any span of length d, a sliding window admits at most limit * (floor(d / window) + 1) per client; a
    // token bucket, which starts full, its capacity plus what refills in d: limit + limit * d / window.
    private long AllowedPerClient(string algorithm, double seconds) => algorithm == "token_bucket"
        ? options.RateLimit + (long)Math.Ceiling(options.RateLimit * seconds / options.WindowSeconds)
        : options.RateLimit * ((long)Math.Floor(seconds / options.WindowSeconds) + 1);

    // Every row limits by the same numbers; the peers read the default tier's limit and window too.
    private async Task Configure(BenchRow row)
    {
        var body = new Dictionary<string, object>
        {
            ["mode"] = row.Mode ?? "redis_atomic",
            ["algorithm"] = row.Algorithm,
            ["rate_limit"] = options.RateLimit,
            ["window_size_seconds"] = options.WindowSeconds,
            ["fail_open"] = true,
        };
        using var response = await http.PostAsJsonAsync($"http://127.0.0.1:{ports.Nginx}/admin/config", body);
        response.EnsureSuccessStatusCode();
    }
}
