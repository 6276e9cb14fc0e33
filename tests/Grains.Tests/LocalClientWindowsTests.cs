using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>A silo's <c>local</c> counts: forgotten once they hold nothing, and never lost to a decision in flight.</summary>
public sealed class LocalClientWindowsTests
{
    private const int Limit = 50;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ConfigSnapshot _snapshot = new(ClusterConfig.Initial(RateLimitMode.Local, Limit, windowSizeSeconds: 10));

    [Fact]
    public void Only_clients_whose_count_holds_nothing_are_forgotten()
    {
        var windows = new LocalClientWindows(_time);
        Decide(windows, "key:early");
        _time.Advance(TimeSpan.FromSeconds(6));
        Decide(windows, "key:late");

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, windows.ForgetIdle());
        Assert.Equal(["key:late"], windows.Counts(_snapshot).Keys);
    }

    [Fact]
    public void A_client_refused_before_it_was_forgotten_is_admitted_afresh_only_once_its_window_has_passed()
    {
        var windows = new LocalClientWindows(_time);
        for (int i = 0; i < Limit; i++)
        {
            Assert.True(Decide(windows, "key:busy").Allowed);
        }

        Assert.Equal(0, windows.ForgetIdle());
        Assert.False(Decide(windows, "key:busy").Allowed);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, windows.ForgetIdle());
        Assert.True(Decide(windows, "key:busy").Allowed);
    }

    [Fact]
    public async Task Decisions_racing_the_sweep_never_lose_a_count()
    {
        var windows = new LocalClientWindows(_time);
        var snapshot = new ConfigSnapshot(ClusterConfig.Initial(RateLimitMode.Local, rateLimit: 1, windowSizeSeconds: 10));
        using var stop = new CancellationTokenSource();
        var swept = new TaskCompletionSource();
        var sweeping = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                windows.ForgetIdle();
                swept.TrySetResult();
            }
        });
        await swept.Task;

        // A new client's count is empty until its first decision records, so the sweep may forget it between the
        // lookup and the record: a count recorded in a forgotten window would be lost, and the client admitted again.
        const int clients = 40_000;
        var admittedTwice = await Task.WhenAll(Enumerable.Range(0, 2).Select(half => Task.Run(() =>
            Enumerable.Range(0, clients).Where(c => c % 2 == half).Count(c =>
                Enumerable.Range(0, 2).Count(_ => windows.Decide($"key:racing-{c}", snapshot, snapshot.PolicyFor("key:racing"), 1).Allowed) > 1))));
        await stop.CancelAsync();
        await sweeping;

        Assert.Equal(0, admittedTwice.Sum());
    }

    private Algorithms.LimitDecision Decide(LocalClientWindows windows, string client) =>
        windows.Decide(client, _snapshot, _snapshot.PolicyFor(client), permits: 1);
}
