using System.Globalization;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The most decisions per second Redis can give here: <c>redis-benchmark</c> running this project's
/// sliding-window script with EVALSHA, no client library, no HTTP.
/// </summary>
public static class RedisCeiling
{
    public sealed record Result(int Clients, double DecisionsPerSecond, double P50Ms, double P99Ms);

    public static async Task<Result> RunAsync(int redisPort, int clients, int requests, long windowMicroseconds)
    {
        string port = redisPort.ToString(CultureInfo.InvariantCulture);
        var loaded = new List<string>();
        await ProcessRunner.RunAsync(Executables.Find("redis-cli"), ["-p", port, "SCRIPT", "LOAD", AtomicSlidingWindowStore.ScriptText], loaded.Add);
        string sha = loaded.Last().Trim();

        // __rand_int__ is replaced per request by redis-benchmark: 100,000 clients, a fresh member each time.
        var output = new List<string>();
        int exit = await ProcessRunner.RunAsync(
            Executables.Find("redis-benchmark"),
            ["-p", port, "-c", clients.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture), "-r", "100000", "--csv",
             "EVALSHA", sha, "1", "ratelimit:{ceiling-__rand_int__}:g0:sliding_window", "100", windowMicroseconds.ToString(CultureInfo.InvariantCulture), "m-__rand_int__"],
            output.Add);
        var row = output.LastOrDefault(l => l.StartsWith("\"EVALSHA", StringComparison.Ordinal));
        if (exit != 0 || row is null)
        {
            throw new InvalidOperationException($"redis-benchmark failed:\n{string.Join('\n', output.TakeLast(5))}");
        }

        // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
        var fields = row.Split("\",\"").Select(f => f.Trim('"')).ToArray();
        return new Result(clients, Number(fields[1]), Number(fields[4]), Number(fields[6]));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
