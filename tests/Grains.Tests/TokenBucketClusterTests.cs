using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>The token bucket in every mode, under the same load as the sliding window's exactness tests.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TokenBucketClusterTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Capacity = 100;
    private const int Concurrent = 1_000;

    // The limiters' clock stands still unless a test moves it, so nothing refills during a run: the exact answer is the capacity.
    private const int WindowSeconds = 3_600;
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("grain")]
    [InlineData("redis_atomic")]
    public async Task Admits_exactly_the_capacity_out_of_1000_concurrent_decisions(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Capacity, WindowSizeSeconds: WindowSeconds, Algorithm: "token_bucket"));

        var admittedPerRun = new List<int>();
        for (int run = 0; run < 5; run++)
        {
            var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient($"bucket-{mode}"), Concurrent);
            Assert.All(decisions, d => Assert.Equal(RateLimitAlgorithm.TokenBucket, d.Algorithm));
            Assert.Equal(Capacity, decisions.Count(d => d.Allowed));
            admittedPerRun.Add(decisions.Count(d => d.Allowed));
        }

        output.WriteLine($"{mode} token bucket: admitted per run of {Concurrent}: {string.Join(", ", admittedPerRun)}");
    }

    [Fact]
    public async Task Redis_naive_over_admits_and_counts_the_lost_updates()
    {
        await _cluster.Configure(new ConfigPatch("redis_naive", RateLimit: Capacity, WindowSizeSeconds: WindowSeconds, Algorithm: "token_bucket"));

        var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient("bucket-naive"), Concurrent);

        int admitted = decisions.Count(d => d.Allowed);
        int races = decisions.Count(d => d.RaceDetected);
        output.WriteLine($"redis_naive token bucket: admitted {admitted} of {Concurrent}, races detected {races}");
        Assert.True(admitted > Capacity, $"redis_naive admitted {admitted}, expected more than {Capacity}.");
        Assert.True(races > 0);
    }

    [Fact]
    public async Task Local_admits_the_capacity_on_each_silo()
    {
        await _cluster.Configure(new ConfigPatch("local", RateLimit: Capacity, WindowSizeSeconds: WindowSeconds, Algorithm: "token_bucket"));

        var decisions = await _cluster.DecideConcurrently(ClusterFixture.NewClient("bucket-local"), Concurrent);

        var bySilo = decisions.Where(d => d.Allowed).GroupBy(d => d.DecidedBy).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, bySilo.Count);
        Assert.All(bySilo.Values, admitted => Assert.Equal(Capacity, admitted));
    }

    [Fact]
    public async Task A_rejection_says_how_long_until_one_token_is_back()
    {
        await _cluster.Configure(new ConfigPatch("redis_atomic", RateLimit: 2, WindowSizeSeconds: 60, Algorithm: "token_bucket"));
        string client = ClusterFixture.NewClient("bucket-retry");
        await _cluster.DecideOn(0, client);
        await _cluster.DecideOn(1, client);

        var rejection = await _cluster.DecideOn(2, client);

        Assert.False(rejection.Allowed);
        Assert.InRange(rejection.RetryAfter, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
    }
}
