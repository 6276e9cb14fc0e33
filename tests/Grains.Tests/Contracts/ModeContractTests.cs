using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests.Contracts;

/// <summary>
/// What every combination of mode and algorithm owes its users on the 3-silo cluster, each in the words of its own
/// guarantee: exact (<c>grain</c>, <c>redis_atomic</c>), exact per silo (<c>local</c>), or exact one request at a time
/// and racing under concurrency, with the races counted (<c>redis_naive</c>). Each combination's tests inherit these;
/// a new combination inherits them all. Time moves only when a test advances the limiters' clock.
/// </summary>
[Collection(ClusterCollection.Name)]
public abstract class ModeContractTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Limit = 60;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    protected abstract RateLimitMode Mode { get; }

    protected abstract RateLimitAlgorithm Algorithm { get; }

    private RateLimiterCluster Cluster => fixture.Cluster;

    private RateLimitAlgorithm OtherAlgorithm => Algorithm == RateLimitAlgorithm.SlidingWindow ? RateLimitAlgorithm.TokenBucket : RateLimitAlgorithm.SlidingWindow;

    /// <summary>What one client may use in a window through all three silos: the limit, or in <c>local</c> the limit on each.</summary>
    private int Allowance(int limit) => Mode == RateLimitMode.Local ? limit * Cluster.Silos.Count : limit;

    [Fact]
    public async Task Concurrent_decisions_admit_what_the_mode_guarantees()
    {
        await Configure(Limit, Window);

        var decisions = await Cluster.DecideConcurrently(Client("concurrent"), 600);

        int admitted = decisions.Count(d => d.Allowed);
        int races = decisions.Count(d => d.RaceDetected);
        output.WriteLine($"{Mode.ToName()}/{Algorithm.ToName()}: admitted {admitted} of 600 at a limit of {Limit}, races {races}");
        AssertGuarantee(decisions, Limit);
    }

    [Fact]
    public async Task Costly_requests_add_up_exactly_as_their_permits()
    {
        await Configure(Limit, Window);

        var decisions = await Cluster.DecideConcurrently(Client("costly"), 300, permits: 3);

        AssertGuarantee(decisions, Limit / 3);
    }

    [Fact]
    public async Task One_request_at_a_time_admits_exactly_the_allowance_then_says_when_to_retry()
    {
        await Configure(Limit, Window);
        string client = Client("sequential");

        int admitted = await AdmittedOf(client, Allowance(Limit) + 6);
        var rejection = await Cluster.DecideOn(0, client);

        Assert.Equal(Allowance(Limit), admitted);
        Assert.False(rejection.Allowed);
        Assert.InRange(rejection.RetryAfter, TimeSpan.FromTicks(1), Window);
    }

    [Fact]
    public async Task A_reset_of_the_client_gives_it_its_allowance_again()
    {
        await Configure(Limit, Window);
        string client = Client("reset");
        await AdmittedOf(client, Allowance(Limit));

        var reset = await Cluster.ConfigGrain.ResetClient(client);
        await Cluster.UntilEverySiloHas(reset.Config.Version, TimeSpan.FromSeconds(5));

        Assert.Equal(Allowance(Limit), await AdmittedOf(client, Allowance(Limit) + 3));
    }

    [Fact]
    public async Task After_a_whole_window_or_refill_period_the_client_gets_its_allowance_again()
    {
        await Configure(Limit, Window);
        string client = Client("readmitted");
        await AdmittedOf(client, Allowance(Limit));
        Assert.Equal(0, await AdmittedOf(client, 3));

        Cluster.Clock.Advance(Window);

        Assert.Equal(Allowance(Limit), await AdmittedOf(client, Allowance(Limit) + 3));
    }

    [Fact]
    public async Task A_longer_window_keeps_what_was_admitted_and_refills_at_the_new_rate()
    {
        await Configure(Limit, Window);
        string client = Client("longer");
        await AdmittedOf(client, Allowance(Limit));

        await Configure(Limit, 2 * Window);
        Assert.Equal(0, await AdmittedOf(client, 3));
        Cluster.Clock.Advance(Window);

        // The sliding window still holds every entry; the bucket refilled half at its new, slower rate.
        int expected = Algorithm == RateLimitAlgorithm.SlidingWindow ? 0 : Allowance(Limit / 2);
        Assert.Equal(expected, await AdmittedOf(client, Allowance(Limit)));
    }

    [Fact]
    public async Task Moving_to_the_other_algorithm_keeps_what_was_used()
    {
        await Configure(Limit, Window);
        string client = Client("moved");
        await AdmittedOf(client, Allowance(Limit) - Allowance(10));

        await Configure(Limit, Window, OtherAlgorithm);

        Assert.Equal(Allowance(10), await AdmittedOf(client, Allowance(Limit)));
    }

    private static string Client(string purpose) => ClusterFixture.NewClient(purpose);

    private Task Configure(int limit, TimeSpan window, RateLimitAlgorithm? algorithm = null) =>
        Cluster.Configure(new ConfigPatch(Mode.ToName(), RateLimit: limit, WindowSizeSeconds: (int)window.TotalSeconds, Algorithm: (algorithm ?? Algorithm).ToName()));

    /// <summary>Sends requests one at a time, round-robin over the silos as a balancer would, and counts the admitted.</summary>
    private async Task<int> AdmittedOf(string client, int requests)
    {
        int admitted = 0;
        for (int i = 0; i < requests; i++)
        {
            var decision = await Cluster.DecideOn(i % Cluster.Silos.Count, client);
            Assert.Equal(DecisionBasis.Count, decision.Basis);
            admitted += decision.Allowed ? 1 : 0;
        }

        return admitted;
    }

    private void AssertGuarantee(Decision[] decisions, int limit)
    {
        int admitted = decisions.Count(d => d.Allowed);
        switch (Mode)
        {
            case RateLimitMode.Local:
                Assert.All(decisions.Where(d => d.Allowed).GroupBy(d => d.DecidedBy), silo => Assert.Equal(limit, silo.Count()));
                Assert.Equal(limit * Cluster.Silos.Count, admitted);
                break;
            case RateLimitMode.RedisNaive:
                // Races may or may not happen in one run; when they over-admit, each admission beyond the limit was caught.
                Assert.InRange(admitted, limit, decisions.Length);
                Assert.True(decisions.Count(d => d.RaceDetected) >= (Algorithm == RateLimitAlgorithm.SlidingWindow ? admitted - limit : Math.Min(1, admitted - limit)),
                    $"{admitted} admitted at a limit of {limit}, but only {decisions.Count(d => d.RaceDetected)} races were counted.");
                break;
            default:
                Assert.Equal(limit, admitted);
                Assert.DoesNotContain(decisions, d => d.RaceDetected);
                break;
        }
    }
}
