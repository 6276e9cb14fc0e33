using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// Shadow mode on three silos: every decision is made and counted as if enforced, nothing is refused, and what
/// would have been refused is marked, exactly.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ShadowModeTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Limit = 100;
    private const int Concurrent = 1_000;
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("grain")]
    [InlineData("redis_atomic")]
    public async Task A_shadow_default_tier_refuses_nothing_and_marks_exactly_what_it_would_have_refused(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60, Shadow: true));

        var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient($"shadow-{mode}"), Concurrent);

        int marked = decisions.Count(d => d.WouldHaveBeenRefused);
        output.WriteLine($"{mode} in shadow: admitted {decisions.Count(d => d.Allowed)} of {Concurrent}, would have refused {marked}");
        Assert.All(decisions, d => Assert.True(d.Allowed));
        Assert.Equal(Concurrent - Limit, marked);
    }

    [Fact]
    public async Task Enforcing_a_shadow_limit_keeps_what_was_counted_in_shadow()
    {
        await _cluster.Configure(new ConfigPatch("grain", RateLimit: 5, WindowSizeSeconds: 60, Shadow: true));
        string client = ClusterFixture.NewClient("shadow-enforce");
        var shadowed = await _cluster.DecideConcurrently(client, 8);

        await _cluster.Configure(new ConfigPatch("grain", RateLimit: 5, WindowSizeSeconds: 60, Shadow: false));
        var enforced = await _cluster.DecideOn(1, client);

        Assert.Equal(3, shadowed.Count(d => d.WouldHaveBeenRefused));
        Assert.False(enforced.Allowed);
        Assert.False(enforced.WouldHaveBeenRefused);
    }

    [Fact]
    public async Task Only_the_tier_in_shadow_mode_lets_its_refusals_through()
    {
        await _cluster.Configure(new ConfigPatch("redis_atomic", RateLimit: 2, WindowSizeSeconds: 60));
        string tier = $"trial-{Guid.NewGuid():N}"[..20];
        string apiKey = ClusterFixture.NewClient("shadow-tier");
        Assert.Null((await _cluster.ConfigGrain.PutTier(tier, new TierPatch(2, 60, Shadow: true))).Error);
        var assigned = await _cluster.ConfigGrain.Assign(apiKey, tier);
        Assert.Null(assigned.Error);
        await _cluster.UntilEverySiloHas(assigned.Config.Version, TimeSpan.FromSeconds(5));

        var inShadow = await _cluster.DecideConcurrently(ClientId.ForApiKey(apiKey).Value, 3);
        var enforced = await _cluster.DecideConcurrently(ClientId.ForApiKey(ClusterFixture.NewClient("default-tier")).Value, 3);

        Assert.Equal((3, 1), (inShadow.Count(d => d.Allowed), inShadow.Count(d => d.WouldHaveBeenRefused)));
        Assert.Equal((2, 0), (enforced.Count(d => d.Allowed), enforced.Count(d => d.WouldHaveBeenRefused)));
        await _cluster.ConfigGrain.Unassign(apiKey);
        await _cluster.ConfigGrain.DeleteTier(tier);
    }
}
