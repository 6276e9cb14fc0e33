using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// The <c>grain</c> mode's crash path, on the journal and a real Redis: an activation admits, then vanishes without
/// handing anything over (as after <c>kill -9</c>), and a new one takes the journal over. It must never admit more than
/// the limit allows, and may lose at most the one unreported reservation. The old one, if it comes back (a frozen
/// silo resumed), is fenced.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class JournalCrashTests(ClusterFixture fixture) : IAsyncLifetime
{
    private const int Limit = 100;
    private static readonly TierLimits Tier = new(Limit, 300, RateLimitAlgorithm.SlidingWindow);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ConnectionMultiplexer _redis = null!;
    private GrainJournalStore _store = null!;

    public async Task InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        _store = new GrainJournalStore(RedisGuard.Standalone(_redis), ScriptClock.PinnedTo(_clock));
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Theory]
    [InlineData(RateLimitAlgorithm.SlidingWindow, 60, 40)]
    [InlineData(RateLimitAlgorithm.SlidingWindow, 55, 40)]
    [InlineData(RateLimitAlgorithm.TokenBucket, 60, 40)]
    [InlineData(RateLimitAlgorithm.TokenBucket, 51, 40)]
    // Nothing written after the claim, which reserved the first block of 10: all 10 count as used.
    [InlineData(RateLimitAlgorithm.SlidingWindow, 3, 90)]
    [InlineData(RateLimitAlgorithm.TokenBucket, 3, 90)]
    public async Task After_a_crash_the_new_activation_admits_at_most_what_was_left_less_the_open_reservation(RateLimitAlgorithm algorithm, int used, int expected)
    {
        var policy = ClientPolicy.For("default", Tier with { Algorithm = algorithm });
        string client = ClusterFixture.NewClient("crash");
        await UseThenCrash(client, policy, used);

        var replacement = await Activate(client, policy);

        Assert.Equal(expected, await Admit(replacement, policy, Limit));
    }

    [Theory]
    [InlineData(RateLimitAlgorithm.SlidingWindow)]
    [InlineData(RateLimitAlgorithm.TokenBucket)]
    public async Task A_claim_never_overwrites_the_reservation_it_takes_over(RateLimitAlgorithm algorithm)
    {
        var policy = ClientPolicy.For("default", Tier with { Algorithm = algorithm });
        string client = ClusterFixture.NewClient("chain");
        await UseThenCrash(client, policy, 10);
        await UseThenCrash(client, policy, 10);

        var third = await Activate(client, policy);

        // Each crashed activation used its whole block without another write; the third must count both.
        Assert.Equal(Limit - 20, await Admit(third, policy, Limit));
    }

    [Fact]
    public async Task An_activation_that_comes_back_after_it_was_replaced_admits_nothing_beyond_its_reservation()
    {
        var policy = ClientPolicy.For("default", Tier);
        string client = ClusterFixture.NewClient("zombie");
        var frozen = await Activate(client, policy);
        await Admit(frozen, policy, 55);

        var replacement = await Activate(client, policy);
        int zombie = await Admit(frozen, policy, 20);
        int fresh = await Admit(replacement, policy, Limit);

        // The frozen one still had 5 of its block of 10, which the replacement already counted as used.
        Assert.Equal(5, zombie);
        Assert.Equal(40, fresh);
    }

    // An activation that admits, then vanishes without handing anything over.
    private async Task UseThenCrash(string client, ClientPolicy policy, int used) =>
        Assert.Equal(used, await Admit(await Activate(client, policy), policy, used));

    private async Task<Activation> Activate(string client, ClientPolicy policy)
    {
        var activation = new Activation(new ClientWindow(client, _clock), new ClientJournal(_store, client, 0, new RateLimiterMetrics(new NoMeters()), _clock, NullLogger.Instance));
        if (await activation.Journal.ClaimAsync(0, policy) is { } recovered)
        {
            activation.Window.Restore(Snapshot, policy, recovered);
        }

        return activation;
    }

    private static ConfigSnapshot Snapshot { get; } = new(ConfigRules.Fallback);

    // What ClientLimiterGrain.Decide does, one request at a time: reserve before admitting, then admit.
    private static async Task<int> Admit(Activation activation, ClientPolicy policy, int requests)
    {
        int admitted = 0;
        for (int i = 0; i < requests; i++)
        {
            if (activation.Window.WouldAdmit(Snapshot, policy, 1)
                && await activation.Journal.ReserveAsync(1, 0, policy, activation.Window.Capture) == JournalReservation.Fenced)
            {
                break;
            }

            if (activation.Window.Decide(Snapshot, policy).Allowed)
            {
                activation.Journal.Use(1);
                admitted++;
            }
        }

        return admitted;
    }

    private sealed record Activation(ClientWindow Window, ClientJournal Journal);
}
