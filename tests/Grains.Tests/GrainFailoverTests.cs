using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// <c>grain</c> mode keeps its exact count when the activation holding it moves on purpose: through a rolling restart
/// of every silo and through a migration, where each activation hands its count over as it deactivates. (A crash, where
/// nothing is handed over, is tested on the journal itself and end to end with <c>kill -9</c>: an in-process test
/// silo, even "killed", still deactivates its grains.) Each test runs a cluster of its own, since it stops silos,
/// against the fixture's Redis: a limit of 100 per 300 s, 60 used by each of 30 clients, then 100 more requests each:
/// exactly 40 more must be admitted to every client.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainFailoverTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Limit = 100;
    private const int Used = 60;
    private const int Clients = 30;

    [Theory]
    [InlineData("sliding_window")]
    [InlineData("token_bucket")]
    public async Task Through_a_rolling_restart_of_every_silo_every_client_gets_exactly_what_it_had_left(string algorithm)
    {
        await using var cluster = await StartAsync(algorithm);
        var clients = await UseSixtyEach(cluster);

        foreach (var silo in cluster.Silos.ToList())
        {
            await cluster.Cluster.StopSiloAsync(silo);
            await cluster.Cluster.StartAdditionalSiloAsync();
            await cluster.Cluster.WaitForLivenessToStabilizeAsync();
        }

        await AssertEachGetsExactlyTheRest(cluster, clients, $"rolling restart ({algorithm})");
    }

    [Fact]
    public async Task A_migrated_grain_keeps_its_exact_count()
    {
        await using var cluster = await StartAsync("sliding_window");
        string client = ClusterFixture.NewClient("migrated");
        string host = "";
        for (int i = 0; i < 37; i++)
        {
            var decision = await cluster.DecideOn(0, client);
            Assert.True(decision.Allowed);
            host = decision.DecidedBy;
        }

        // Without a target the placement may pick the silo the grain is on, and then nothing moves.
        var target = cluster.Silos.First(silo => silo.Name != host).SiloAddress;
        await cluster.Cluster.MigrateAsync(cluster.Cluster.Client.GetGrain<IClientLimiterGrain>(client), target);

        var moved = await cluster.DecideOn(0, client);
        int admitted = (moved.Allowed ? 1 : 0) + await AdmittedOf(cluster, client, Limit);
        Assert.NotEqual(host, moved.DecidedBy);
        Assert.Equal(Limit - 37, admitted);
    }

    [Fact]
    public async Task Redis_is_written_once_per_reserved_block_not_per_request()
    {
        await using var cluster = await StartAsync("sliding_window");
        string client = ClusterFixture.NewClient("writes");
        using var writes = new MeasurementSum(
            Enumerable.Range(0, cluster.Silos.Count).Select(i => cluster.Service<RateLimiterMetrics>(i).Meter), RateLimiterMetrics.JournalWritesName);

        await AdmittedOf(cluster, client, Limit + 20);

        // The claim when the grain activated also reserved the first tenth of the limit, then one reservation per
        // further tenth; rejections write nothing.
        Assert.Equal(Limit / 10, writes.Total);
    }

    private async Task<RateLimiterCluster> StartAsync(string algorithm)
    {
        var cluster = await RateLimiterCluster.StartAsync(fixture.Redis.ConnectionString, $"failover-{Guid.NewGuid():N}");
        await cluster.Configure(new ConfigPatch("grain", RateLimit: Limit, WindowSizeSeconds: 300, Algorithm: algorithm));
        return cluster;
    }

    private static async Task<Dictionary<string, string>> UseSixtyEach(RateLimiterCluster cluster)
    {
        var clients = Enumerable.Range(0, Clients).Select(i => ClusterFixture.NewClient($"failover-{i}")).ToList();
        var decidedBy = await Task.WhenAll(clients.Select(async client =>
        {
            string silo = "";
            for (int i = 0; i < Used; i++)
            {
                var decision = await cluster.DecideOn(i % cluster.Silos.Count, client);
                Assert.True(decision.Allowed, $"{client} was refused request {i + 1} of its first {Used}.");
                silo = decision.DecidedBy;
            }

            return (client, silo);
        }));
        return decidedBy.ToDictionary(d => d.client, d => d.silo);
    }

    private async Task AssertEachGetsExactlyTheRest(RateLimiterCluster cluster, Dictionary<string, string> clients, string what)
    {
        var admitted = await Task.WhenAll(clients.Keys.Select(client => AdmittedOf(cluster, client, Limit)));
        output.WriteLine($"after {what}: admitted per client {string.Join(", ", admitted)} (exact: {Limit - Used} each)");
        Assert.All(admitted, count => Assert.Equal(Limit - Used, count));
    }

    private static async Task<int> AdmittedOf(RateLimiterCluster cluster, string client, int requests)
    {
        int admitted = 0;
        for (int i = 0; i < requests; i++)
        {
            var decision = await cluster.DecideOn(i % cluster.Silos.Count, client);
            Assert.Equal(DecisionBasis.Count, decision.Basis);
            admitted += decision.Allowed ? 1 : 0;
        }

        return admitted;
    }
}
