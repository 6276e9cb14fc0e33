using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IdleDeactivationTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("grain")]
    [InlineData("local")]
    public async Task Idle_limiter_grains_deactivate_once_their_window_has_passed(string mode)
    {
        var cluster = fixture.Cluster;
        await cluster.Configure(new ConfigPatch(mode, RateLimit: 5, WindowSizeSeconds: 1));
        long Active() => Enumerable.Range(0, 3).Sum(i => mode == "grain"
            ? cluster.Service<LimiterActivations>(i).Client
            : cluster.Service<LimiterActivations>(i).Local);
        long before = Active();

        await cluster.DecideConcurrently(ClusterFixture.NewClient("idle"), 30);
        Assert.True(Active() > before);

        // Polls the silos' own counters: the grains check once per window and go between one and two windows after their last use.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (Active() > before && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(before, Active());
    }
}
