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
    public sealed record Result(int Concurrency, double DecisionsPerSecond, double P50Ms, double P99Ms, double ClientCpuSeconds);

    public static async Task<Result> RunAsync(int redisPort, int concurrency, TimeSpan duration)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort}");
        var options = new RedisStoreOptions { OperationTimeout = TimeSpan.FromSeconds(5) };
        var store = new AtomicSlidingWindowStore(new RedisGuard(redis, new RedisCircuitBreaker(options, TimeProvider.System), options, TimeProvider.System));
        var policy = new SlidingWindowPolicy(100, TimeSpan.FromSeconds(10));
        await store.DecideAsync("store-warm-up", 0, policy);

        var latencies = new List<double>[concurrency];
        double cpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                long started = Stopwatch.GetTimestamp();
                await store.DecideAsync($"store-{Random.Shared.Next(100_000)}", 0, policy);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        double seconds = clock.Elapsed.TotalSeconds;
        double cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuBefore;

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(concurrency, sorted.Length / seconds, Percentile.Of(sorted, 0.5), Percentile.Of(sorted, 0.99), cpu);
    }
}
