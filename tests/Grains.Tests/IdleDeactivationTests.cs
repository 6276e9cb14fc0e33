using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// In-memory counts go away once they are empty, and never while they still count: a <c>grain</c>-mode client grain
/// deactivates, and a silo forgets a <c>local</c> client.
/// </summary>
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
        await Eventually.True(() => Active(mode) == before, TimeSpan.FromSeconds(15), $"{mode} counts stayed after their window passed.");
    }

    /// <summary>
    /// A 1-hour tier beside a 5 s default window: a client that used its limit, then paused for 2 minutes, is still
    /// refused, and its count stays. This cluster checks for idleness every 250 ms of real time, so a default-tier
    /// client whose count goes after the pause shows the checks ran: a client grain's check started after the hourly
    /// client's, with the same period, and a silo's sweep of its <c>local</c> clients checks both at once. (In
    /// <c>local</c> mode the count lives only on the silo, so a count forgotten too early would admit again.)
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

        await Eventually.True(() => Active(cluster, mode) < 2, TimeSpan.FromSeconds(15), "The default-tier client's count stayed after its window passed.");
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
        : cluster.Service<LocalClientWindows>(i).Count);
}
