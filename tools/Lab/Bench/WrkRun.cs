using System.Text.Json;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>What wrk reported for one run (see <c>wrk-report.lua</c>).</summary>
public sealed record WrkRun(long Requests, long Ok, long Limited, long Other, long SocketErrors, long DurationUs, long P50Us, long P99Us, long P999Us)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Runs wrk against <paramref name="url"/>, over <paramref name="clients"/> keys that start with <paramref name="prefix"/>, picked as <paramref name="keys"/> says.</summary>
    public static async Task<WrkRun> RunAsync(string url, TimeSpan duration, int connections, int clients, BenchKeys keys, string prefix, string script)
    {
        var output = new List<string>();
        int exit = await ProcessRunner.RunAsync(
            Executables.Find("wrk"),
            ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url],
            output.Add,
            environment: new Dictionary<string, string> { ["BENCH_CLIENTS"] = clients.ToString(System.Globalization.CultureInfo.InvariantCulture), ["BENCH_PREFIX"] = prefix, ["BENCH_KEYS"] = keys == BenchKeys.Random ? "random" : "rotate" },
            timeout: duration + TimeSpan.FromMinutes(1));
        string? line = output.FirstOrDefault(l => l.StartsWith("BENCH ", StringComparison.Ordinal));
        if (exit != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk failed against {url}:\n{string.Join('\n', output.TakeLast(10))}");
        }

        return JsonSerializer.Deserialize<WrkRun>(line["BENCH ".Length..], Json)!;
    }
}
