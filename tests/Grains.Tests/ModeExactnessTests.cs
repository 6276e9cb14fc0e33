using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>The lab's central claim, measured on three silos: which modes hold the limit under concurrency.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ModeExactnessTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Limit = 100;
    private const int Concurrent = 1_000;
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("grain")]
    [InlineData("redis_atomic")]
    public async Task Admits_exactly_the_limit_out_of_1000_concurrent_decisions_twenty_times_in_a_row(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60));

        var admittedPerRun = new List<int>();
        for (int run = 0; run < 20; run++)
        {
            var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient(mode), Concurrent);
            admittedPerRun.Add(decisions.Count(d => d.Allowed));
        }

        output.WriteLine($"{mode}: admitted per run of {Concurrent}: {string.Join(", ", admittedPerRun)}");
        Assert.All(admittedPerRun, admitted => Assert.Equal(Limit, admitted));
    }

    [Fact]
    public async Task Redis_atomic_decisions_are_made_on_every_silo()
    {
        await _cluster.Configure(new ConfigPatch("redis_atomic", RateLimit: Limit, WindowSizeSeconds: 60));

        var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient("atomic-spread"), 300);

        Assert.Equal(3, decisions.Select(d => d.DecidedBy).Distinct().Count());
    }

    [Fact]
    public async Task Redis_naive_over_admits_under_the_same_load_and_counts_the_races()
    {
        await _cluster.Configure(new ConfigPatch("redis_naive", RateLimit: Limit, WindowSizeSeconds: 60));
        long racesBefore = Enumerable.Range(0, 3).Sum(i => _cluster.Service<SiloDecisionStats>(i).RacesDetected);

        var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient("naive"), Concurrent);

        int admitted = decisions.Count(d => d.Allowed);
        long racesAfter = Enumerable.Range(0, 3).Sum(i => _cluster.Service<SiloDecisionStats>(i).RacesDetected);
        output.WriteLine($"redis_naive: admitted {admitted} of {Concurrent}, races detected {racesAfter - racesBefore}");
        Assert.True(admitted > Limit, $"redis_naive admitted {admitted}, expected more than {Limit}.");
        Assert.True(racesAfter > racesBefore, "No race was counted.");
        Assert.Equal(racesAfter - racesBefore, decisions.Count(d => d.RaceDetected));
        Assert.Equal(3, decisions.Select(d => d.DecidedBy).Distinct().Count());
    }

    [Fact]
    public async Task Local_admits_exactly_the_limit_on_each_silo_so_three_times_the_limit_in_all()
    {
        await _cluster.Configure(new ConfigPatch("local", RateLimit: Limit, WindowSizeSeconds: 60));
        string client = ClusterFixture.NewClient("local");

        var decisions = await _cluster.DecideConcurrently(client, Concurrent);

        var admittedBySilo = decisions.Where(d => d.Allowed).GroupBy(d => d.DecidedBy).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"local: admitted by silo {string.Join(", ", admittedBySilo.Select(p => $"{p.Key}={p.Value}"))}");
        Assert.Equal(3, admittedBySilo.Count);
        Assert.All(admittedBySilo.Values, admitted => Assert.Equal(Limit, admitted));
        Assert.Equal(3 * Limit, decisions.Count(d => d.Allowed));
        for (int silo = 0; silo < 3; silo++)
        {
            var snapshot = _cluster.Service<ClusterConfigCache>(silo).Current;
            Assert.Equal(Limit, _cluster.Service<LocalClientWindows>(silo).Counts(snapshot)[client]);
        }
    }

    [Fact]
    public async Task Every_decision_carries_its_mode_limit_and_remaining()
    {
        await _cluster.Configure(new ConfigPatch("grain", RateLimit: 3, WindowSizeSeconds: 60));
        string client = ClusterFixture.NewClient("fields");

        var decisions = new List<Decision>();
        for (int i = 0; i < 4; i++)
        {
            decisions.Add(await _cluster.DecideOn(i % 3, client));
        }

        Assert.Equal([2, 1, 0, 0], decisions.Select(d => d.Remaining));
        Assert.All(decisions, d => Assert.Equal((RateLimitMode.Grain, 3), (d.Mode, d.Limit)));
        Assert.InRange(decisions[3].RetryAfter, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(60));
        Assert.Single(decisions.Select(d => d.DecidedBy).Distinct());
    }
}
