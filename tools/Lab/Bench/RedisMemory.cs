using System.Globalization;
using RateLimiterOrleans.Algorithms;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// What tracked clients cost in Redis, on a scratch redis-server so nothing else is in the numbers:
/// <c>INFO memory</c> over many clients, and <c>MEMORY USAGE</c> of one key as the limit grows.
/// </summary>
public static class RedisMemory
{
    public sealed record PerClient(int Clients, long UsedMemoryDelta, double BytesPerClient);

    public sealed record PerKey(string Algorithm, int Entries, long Bytes);

    public sealed record Result(IReadOnlyList<PerClient> SlidingWindow, IReadOnlyList<PerClient> TokenBucket, IReadOnlyList<PerKey> Keys);

    public static async Task<Result> RunAsync(string stateDirectory, IReadOnlyList<int> clientCounts)
    {
        await using var server = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), Path.Combine(stateDirectory, "bench-redis"), Persistent: false));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
        // The connection's default 5 s timeout: a slow run on a loaded machine is measured, not turned into failures.
        var guard = RedisGuard.Standalone(redis);
        var sliding = new AtomicSlidingWindowStore(guard, ScriptClock.Redis);
        var bucket = new AtomicTokenBucketStore(guard, ScriptClock.Redis);
        var window = TimeSpan.FromHours(1);

        var slidingPerClient = new List<PerClient>();
        var bucketPerClient = new List<PerClient>();
        foreach (int count in clientCounts)
        {
            slidingPerClient.Add(await Measure(redis, count, client => sliding.DecideAsync(client, 0, new SlidingWindowPolicy(100, window))));
            bucketPerClient.Add(await Measure(redis, count, client => bucket.DecideAsync(client, 0, new TokenBucketPolicy(100, window))));
        }

        var keys = new List<PerKey>();
        foreach (int entries in new[] { 1, 10, 100, 1_000 })
        {
            // One client per algorithm: each script deletes the other algorithm's key of its client.
            string slidingClient = $"grow-sliding-{entries}";
            string bucketClient = $"grow-bucket-{entries}";
            for (int i = 0; i < entries; i++)
            {
                await sliding.DecideAsync(slidingClient, 0, new SlidingWindowPolicy(entries, window));
                await bucket.DecideAsync(bucketClient, 0, new TokenBucketPolicy(entries, window));
            }

            keys.Add(new PerKey("sliding_window", entries, await Usage(redis, RateLimitKeys.SlidingWindow(slidingClient, 0))));
            keys.Add(new PerKey("token_bucket", entries, await Usage(redis, RateLimitKeys.TokenBucket(bucketClient, 0))));
        }

        return new Result(slidingPerClient, bucketPerClient, keys);
    }

    private static async Task<PerClient> Measure(ConnectionMultiplexer redis, int count, Func<string, Task<RedisDecision>> decide)
    {
        var server = redis.GetServers()[0];
        await server.FlushDatabaseAsync();
        long before = await UsedMemory(server);
        string prefix = Guid.NewGuid().ToString("N")[..8];
        // 64 in flight: enough to fill the pipeline without flooding the scratch server.
        using var slots = new SemaphoreSlim(64);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                await decide($"{prefix}-{i}");
            }
            finally
            {
                slots.Release();
            }
        }));
        long delta = await UsedMemory(server) - before;
        return new PerClient(count, delta, delta / (double)count);
    }

    private static async Task<long> UsedMemory(IServer server)
    {
        var info = await server.InfoAsync("memory");
        string value = info.SelectMany(g => g).First(p => p.Key == "used_memory").Value;
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    private static async Task<long> Usage(ConnectionMultiplexer redis, RedisKey key) =>
        (long)await redis.GetDatabase().ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
}
