using System.Globalization;
using System.Text.RegularExpressions;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The most decisions per second Redis can give here: <c>redis-benchmark</c> running this project's
/// sliding-window script with EVALSHA, no client library, no HTTP. redis-benchmark times error replies
/// like any other, so the run counts Redis' own EVALSHA calls and failures around it and refuses a run
/// in which the script did not run every time.
/// </summary>
public static partial class RedisCeiling
{
    public sealed record Result(int Clients, double DecisionsPerSecond, double P50Ms, double P99Ms, long ScriptCalls);

    public static async Task<Result> RunAsync(int redisPort, int clients, int requests, long windowMicroseconds)
    {
        string port = redisPort.ToString(CultureInfo.InvariantCulture);
        var loaded = new List<string>();
        await ProcessRunner.RunAsync(Executables.Find("redis-cli"), ["-p", port, "SCRIPT", "LOAD", AtomicSlidingWindowStore.ScriptText], loaded.Add, timeout: TimeSpan.FromSeconds(30));
        string sha = loaded.Last().Trim();
        var before = await EvalShaStats(port);

        // __rand_int__ is replaced per request by redis-benchmark: 100,000 clients, a fresh member each time. The
        // arguments are the store's: both of a client's keys, then limit, window, cost, member prefix and an empty
        // "now", so the script reads Redis TIME.
        var output = new List<string>();
        int exit = await ProcessRunner.RunAsync(
            Executables.Find("redis-benchmark"),
            ["-p", port, "-c", clients.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture), "-r", "100000", "--csv",
             "EVALSHA", sha, "2", "ratelimit:{ceiling-__rand_int__}:g0:sliding_window", "ratelimit:{ceiling-__rand_int__}:g0:token_bucket",
             "100", windowMicroseconds.ToString(CultureInfo.InvariantCulture), "1", "m-__rand_int__", ""],
            output.Add,
            timeout: TimeSpan.FromMinutes(10));
        var row = output.LastOrDefault(l => l.StartsWith("\"EVALSHA", StringComparison.Ordinal));
        if (exit != 0 || row is null)
        {
            throw new InvalidOperationException($"redis-benchmark failed:\n{string.Join('\n', output.TakeLast(5))}");
        }

        var after = await EvalShaStats(port);
        long calls = after.Calls - before.Calls;
        long failed = after.Failed - before.Failed;
        if (failed > 0 || calls < requests)
        {
            throw new InvalidOperationException($"redis-benchmark sent {requests} EVALSHA, Redis ran the script {calls} times and {failed} failed; the ceiling would time errors.");
        }

        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        var fields = row.Split("\",\"").Select(f => f.Trim('"')).ToArray();
        return new Result(clients, Number(fields[1]), Number(fields[4]), Number(fields[6]), calls);
    }

    // INFO commandstats: "cmdstat_evalsha:calls=N,usec=..,usec_per_call=..,rejected_calls=R,failed_calls=F".
    private static async Task<(long Calls, long Failed)> EvalShaStats(string port)
    {
        var lines = new List<string>();
        await ProcessRunner.RunAsync(Executables.Find("redis-cli"), ["-p", port, "INFO", "commandstats"], lines.Add, timeout: TimeSpan.FromSeconds(30));
        if (lines.Select(l => EvalShaLine().Match(l)).FirstOrDefault(m => m.Success) is not { } match)
        {
            return (0, 0);
        }

        long Field(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return (Field("calls"), Field("rejected") + Field("failed"));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^cmdstat_evalsha:calls=(?<calls>\d+),.*rejected_calls=(?<rejected>\d+),failed_calls=(?<failed>\d+)")]
    private static partial Regex EvalShaLine();
}
