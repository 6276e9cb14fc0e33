using System.Net.Http.Json;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// Every row of every set through nginx with wrk, in rounds whose order alternates, so drift in the machine shows
/// up as spread between rounds rather than as a difference between rows.
/// </summary>
public sealed class HttpBench(LabStack stack, StackState state, BenchOptions options, string wrkScript, HttpClient http, Action<string> progress)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    // Each row's own code path, run once before anything is measured, long enough for the silos' thread pools to grow
    // and tiered compilation to settle. Warming the baseline alone left the other paths cold: the first rows of the
    // first round ran at half the speed of the same rows in the second (baseline 4,496 against 8,167 decisions/s).
    internal static readonly TimeSpan RowWarmUp = TimeSpan.FromSeconds(3);

    // A client grain is found idle by a check once per window, one window after its client's last request, then hands
    // its count over: two windows of the longest set, and ten seconds more for the hand-overs of thousands.
    private static readonly TimeSpan GrainsDeadline = TimeSpan.FromSeconds(2 * BenchRowSet.All.Max(s => s.WindowSeconds) + 10);

    private readonly SiloClientGrains _grains = new(stack.Ports, http);
    private bool? _affinity;

    private StackPorts Ports => stack.Ports;

    private string RowUrl(BenchRow row) => $"http://127.0.0.1:{Ports.Nginx}{row.Path}";

    public async Task<IReadOnlyList<HttpMeasurement>> RunAsync()
    {
        await WarmUpAsync(options.Sets[0]);
        var measurements = new List<HttpMeasurement>();
        for (int round = 1; round <= options.Rounds; round++)
        {
            bool forward = round % 2 == 1;
            foreach (var set in forward ? options.Sets : options.Sets.Reverse())
            {
                await Route(set.Affinity);
                foreach (var row in forward ? set.Rows : set.Rows.Reverse())
                {
                    var measurement = await Measure(set, row, round);
                    progress($"  round {round}  {set.Id,-9} {row.Name,-45} {measurement.DecisionsPerSecond,8:0} /s  p99 {measurement.P99Ms,6:0.00} ms  admitted {measurement.Allowed}  after {measurement.Settled.TotalSeconds:0} s settling");
                    measurements.Add(measurement);
                }
            }
        }

        await Route(false);
        return measurements;
    }

    /// <summary>
    /// One more run of each named row of the first set, with dotnet-counters attached to api-1: kept apart from the
    /// measured rounds, since the collector costs CPU of its own.
    /// </summary>
    public async Task<IReadOnlyList<RuntimeProfile.Result>> ProfileAsync(string tool, IReadOnlyList<string> rowNames, string workDirectory)
    {
        var set = BenchRowSet.Rotating;
        await Route(set.Affinity);
        var profiles = new List<RuntimeProfile.Result>();
        int silo = state.Components[StackNames.Api(0)].Pid;
        foreach (var row in set.Rows.Where(r => rowNames.Contains(r.Name)))
        {
            await Configure(set, row);
            string url = RowUrl(row);
            WrkRun? run = null;
            var counters = await RuntimeProfile.CollectAsync(tool, silo, options.Duration, async () =>
                run = await WrkRun.RunAsync(url, options.Duration, options.Connections, set.Clients, set.Keys, $"profile-{Guid.NewGuid():N}"[..16], wrkScript), workDirectory);
            profiles.Add(new RuntimeProfile.Result(row.Name, run!.Requests / (run.DurationUs / 1e6), counters));
            progress($"  profiled {row.Name}");
        }

        return profiles;
    }

    private async Task WarmUpAsync(BenchRowSet set)
    {
        await Route(set.Affinity);
        foreach (var row in set.Rows)
        {
            await Configure(set, row);
            await WrkRun.RunAsync(RowUrl(row), RowWarmUp, options.Connections, set.Clients, set.Keys, $"warm-up-{Guid.NewGuid():N}"[..20], wrkScript);
        }

        progress($"  warmed up {set.Rows.Count} rows of the {set.Id} set, {RowWarmUp.TotalSeconds:0} s each");
    }

    private async Task Route(bool affinity)
    {
        if (_affinity == affinity)
        {
            return;
        }

        stack.RebalanceNginx(affinity);
        _affinity = affinity;
        // nginx's new workers take over the listening socket while the old ones finish: let them.
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    private async Task<HttpMeasurement> Measure(BenchRowSet set, BenchRow row, int round)
    {
        // The client grains of the rows before deactivate over the next windows and write to Redis as they go: that is
        // their rows' work, so it is waited out rather than measured as this row's.
        var (settled, grainsLeft) = await _grains.WaitUntilNoneAsync(GrainsDeadline);
        await Configure(set, row);
        string url = RowUrl(row);
        string prefix = $"bench-{round}-{Guid.NewGuid():N}"[..20];
        await WrkRun.RunAsync(url, WarmUp, options.Connections, set.Clients, set.Keys, prefix + "w", wrkScript);

        var silos = Enumerable.Range(0, StackPorts.Silos).Select(i => state.Components[StackNames.Api(i)].Pid).ToList();
        int redis = state.Components[StackNames.Redis].Pid;
        var nginx = ProcessCpu.WithChildren(state.Components[StackNames.Nginx].Pid).ToList();
        double siloBefore = ProcessCpu.Seconds(silos), redisBefore = ProcessCpu.Seconds(redis), nginxBefore = ProcessCpu.Seconds(nginx);
        var run = await WrkRun.RunAsync(url, options.Duration, options.Connections, set.Clients, set.Keys, prefix, wrkScript);
        double seconds = run.DurationUs / 1e6;

        long allowedAtMost = set.Clients * AllowedPerClient(set, row.Algorithm, seconds);
        return new HttpMeasurement(
            set, row, round, run.Requests, run.Ok, run.Limited, run.Other + run.SocketErrors, seconds,
            run.P50Us / 1000.0, run.P99Us / 1000.0, run.P999Us / 1000.0,
            ProcessCpu.Seconds(silos) - siloBefore, ProcessCpu.Seconds(redis) - redisBefore, ProcessCpu.Seconds(nginx) - nginxBefore,
            allowedAtMost, settled, grainsLeft);
    }

    // In any span of length d, a sliding window admits at most limit * (floor(d / window) + 1) per client; a
    // token bucket, which starts full, its capacity plus what refills in d: limit + limit * d / window.
    private static long AllowedPerClient(BenchRowSet set, string algorithm, double seconds) => algorithm == "token_bucket"
        ? set.RateLimit + (long)Math.Ceiling(set.RateLimit * seconds / set.WindowSeconds)
        : set.RateLimit * ((long)Math.Floor(seconds / set.WindowSeconds) + 1);

    // Every row limits by the set's numbers; the peers read the default tier's limit and window too.
    private async Task Configure(BenchRowSet set, BenchRow row)
    {
        var body = new Dictionary<string, object>
        {
            ["mode"] = row.Mode ?? "redis_atomic",
            ["algorithm"] = row.Algorithm,
            ["rate_limit"] = set.RateLimit,
            ["window_size_seconds"] = set.WindowSeconds,
            ["fail_open"] = true,
        };
        using var response = await http.PostAsJsonAsync($"http://127.0.0.1:{Ports.Nginx}/admin/config", body);
        response.EnsureSuccessStatusCode();
    }
}
