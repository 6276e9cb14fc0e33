using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>In-memory limiter grains go away once their own count is empty, and never while it still counts.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IdleDeactivationTests(ClusterFixture fixture)
{
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("grain")]
    [InlineData("local")]
    public async Task Idle_limiter_grains_deactivate_once_their_window_has_passed(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: 5, WindowSizeSeconds: 1));
        long before = Active(mode);

        await _cluster.DecideConcurrently(ClusterFixture.NewClient("idle"), 30);
        Assert.True(Active(mode) > before);
        _cluster.Clock.Advance(TimeSpan.FromSeconds(1));

        // The grains check once per window of real time; polls the silos' own counters.
        await Eventually.True(() => Active(mode) == before, TimeSpan.FromSeconds(15), $"{mode} limiter grains stayed active after their window passed.");
    }

    [Theory]
    [InlineData("grain")]
    [InlineData("local")]
    public async Task A_client_whose_tier_has_a_longer_window_keeps_its_count_through_a_pause_longer_than_the_default_window(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: 5, WindowSizeSeconds: 5));
        string apiKey = ClusterFixture.NewClient("hourly");
        string client = ClientId.ForApiKey(apiKey).Value;
        await Tier("hourly", apiKey, rateLimit: 3, windowSizeSeconds: 3_600);
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await _cluster.DecideOn(0, client)).Allowed);
        }

        _cluster.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.False((await _cluster.DecideOn(0, client)).Allowed);
    }

    private async Task Tier(string name, string apiKey, int rateLimit, int windowSizeSeconds)
    {
        var tier = await _cluster.ConfigGrain.PutTier(name, new TierPatch(rateLimit, windowSizeSeconds));
        Assert.True(tier.Applied, tier.Error?.ToString());
        var assignment = await _cluster.ConfigGrain.Assign(apiKey, name);
        Assert.True(assignment.Applied, assignment.Error?.ToString());
        await _cluster.UntilEverySiloHas(assignment.Config.Version, TimeSpan.FromSeconds(5));
    }

    private long Active(string mode) => Enumerable.Range(0, 3).Sum(i => mode == "grain"
        ? _cluster.Service<LimiterActivations>(i).Client
        : _cluster.Service<LimiterActivations>(i).Local);
}
