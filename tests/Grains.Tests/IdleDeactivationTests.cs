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

    /// <summary>
    /// A 1-hour tier beside a 5 s default window: a client that used its limit, then paused for 2 minutes, is still
    /// refused, and its limiter stays. The limiters of this cluster check for idleness every 250 ms of real time, so
    /// a default-tier client whose limiter goes after the pause shows the checks ran; that limiter started after the
    /// hourly one, with the same period, so the hourly one's check ran first. (In <c>local</c> mode the count lives
    /// only in the limiter, so a limiter gone too early would admit again.)
    /// </summary>
    [Theory]
    [InlineData("grain")]
    [InlineData("local")]
    public async Task A_client_whose_tier_has_a_longer_window_keeps_its_count_through_a_pause_longer_than_the_default_window(string mode)
    {
        await using var cluster = await RateLimiterCluster.StartAsync(fixture.Redis.ConnectionString, $"idle-{Guid.NewGuid():N}", idleCheck: TimeSpan.FromMilliseconds(250));
        await cluster.Configure(new ConfigPatch(mode, RateLimit: 5, WindowSizeSeconds: 5));
        string apiKey = ClusterFixture.NewClient("hourly");
        string client = ClientId.ForApiKey(apiKey).Value;
        await Tier(cluster, "hourly", apiKey, rateLimit: 3, windowSizeSeconds: 3_600);
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await cluster.DecideOn(0, client)).Allowed);
        }

        Assert.True((await cluster.DecideOn(0, ClusterFixture.NewClient("passing"))).Allowed);
        Assert.Equal(2, Active(cluster, mode));

        cluster.Clock.Advance(TimeSpan.FromMinutes(2));

        await Eventually.True(() => Active(cluster, mode) < 2, TimeSpan.FromSeconds(15), "The default-tier client's limiter stayed after its window passed.");
        Assert.Equal(1, Active(cluster, mode));
        Assert.False((await cluster.DecideOn(0, client)).Allowed);
    }

    private static async Task Tier(RateLimiterCluster cluster, string name, string apiKey, int rateLimit, int windowSizeSeconds)
    {
        var tier = await cluster.ConfigGrain.PutTier(name, new TierPatch(rateLimit, windowSizeSeconds));
        Assert.True(tier.Applied, tier.Error?.ToString());
        var assignment = await cluster.ConfigGrain.Assign(apiKey, name);
        Assert.True(assignment.Applied, assignment.Error?.ToString());
        await cluster.UntilEverySiloHas(assignment.Config.Version, TimeSpan.FromSeconds(5));
    }

    private long Active(string mode) => Active(_cluster, mode);

    private static long Active(RateLimiterCluster cluster, string mode) => Enumerable.Range(0, cluster.Silos.Count).Sum(i => mode == "grain"
        ? cluster.Service<LimiterActivations>(i).Client
        : cluster.Service<LimiterActivations>(i).Local);
}
