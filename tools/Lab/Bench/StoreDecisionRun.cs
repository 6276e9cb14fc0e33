using System.Diagnostics;
using RateLimiterOrleans.Algorithms;
using RateLimiterOrleans.Lab.Load;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The Redis store called in-process, with a fixed number of decisions in flight on random keys: what
/// the client side (StackExchange.Redis, the guard, the store) leaves of Redis' own ceiling.
/// </summary>
public static class StoreDecisionRun
{
    public sealed record Result(int Concurrency, double DecisionsPerSecond, LatencyPercentiles Latency, double ClientCpuSeconds);

    public static async Task<Result> RunAsync(int redisPort, int concurrency, TimeSpan duration)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort}");
        // The connection's default 5 s timeout: a slow run on a loaded machine is measured, not turned into failures.
        var store = new AtomicSlidingWindowStore(RedisGuard.Standalone(redis), ScriptClock.Redis);
        var policy = new SlidingWindowPolicy(100, TimeSpan.FromSeconds(10));
        await store.DecideAsync("store-warm-up", 0, policy);

        var latencies = new LatencyHistogram();
        double cpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                long started = Stopwatch.GetTimestamp();
                await store.DecideAsync($"store-{Random.Shared.Next(100_000)}", 0, policy);
                latencies.Record(Stopwatch.GetElapsedTime(started));
            }
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        double cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuBefore;

        return new Result(concurrency, latencies.Count / seconds, latencies.Percentiles(), cpu);
    }
}
