using RateLimiterOrleans.Grains;
using StackExchange.Redis;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>Slow is not down: a Redis that stops answering on a live connection never turns into admissions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlowRedisTests(ClusterFixture fixture)
{
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("redis_atomic")]
    [InlineData("redis_naive")]
    public async Task A_command_timeout_before_the_circuit_opens_is_an_overload_answer_not_the_failure_policy(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: 10, WindowSizeSeconds: 60, Algorithm: "sliding_window", FailMode: "open"));
        string client = ClusterFixture.NewClient("slow-redis");
        Assert.True((await _cluster.DecideOn(0, client)).Allowed);

        // Longer than the 1 s command timeout users run with, short enough that membership does not notice.
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{fixture.Redis.ConnectionString},allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        await server.ExecuteAsync("CLIENT", "PAUSE", "2500", "ALL");
        var duringPause = await _cluster.DecideOn(0, client);

        Assert.Equal((false, DecisionBasis.Overloaded), (duringPause.Allowed, duringPause.Basis));
        Assert.Equal(TimeSpan.FromSeconds(1), duringPause.RetryAfter);
        var afterPause = await _cluster.DecideOn(0, client);
        for (var until = DateTimeOffset.UtcNow.AddSeconds(10); afterPause.Basis != DecisionBasis.Count && DateTimeOffset.UtcNow < until;)
        {
            afterPause = await _cluster.DecideOn(0, client);
        }

        // The command that timed out may still have run once Redis resumed: a slow answer can cost the client a
        // permit, never grant one.
        Assert.Equal((true, DecisionBasis.Count), (afterPause.Allowed, afterPause.Basis));
    }
}
