using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>The Redis keys a decision writes in the cluster. How keys are built is tested without one in <see cref="RedisKeyFormatTests"/>.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisKeyTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("redis_atomic", "sliding_window")]
    [InlineData("redis_naive", "sliding_window")]
    [InlineData("redis_atomic", "token_bucket")]
    [InlineData("redis_naive", "token_bucket")]
    public async Task Every_key_a_decision_writes_carries_a_ttl_of_at_least_one_window(string mode, string algorithm)
    {
        await fixture.Cluster.Configure(new ConfigPatch(mode, RateLimit: 10, WindowSizeSeconds: 45, Algorithm: algorithm));
        string client = ClusterFixture.NewClient("ttl") + "{*:}";

        await fixture.Cluster.DecideOn(0, client);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: $"ratelimit:{{{RateLimitKeys.EscapeClient(client)}}}:*").ToList();
        var key = Assert.Single(keys);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        // Set to the window at the write; a few seconds may pass before this test reads it back.
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(45));
    }
}
