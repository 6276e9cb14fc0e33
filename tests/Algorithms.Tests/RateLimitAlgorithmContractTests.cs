using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Algorithms.Tests;

/// <summary>
/// What every algorithm owes its callers, whatever it counts. Each algorithm's tests inherit these.
/// Time only moves when a test advances the fake clock.
/// </summary>
public abstract class RateLimitAlgorithmContractTests
{
    protected static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <param name="alreadyUsed">Permits another algorithm had used when the client moved to this one.</param>
    protected abstract IRateLimitAlgorithm Create(int limit, TimeSpan window, int alreadyUsed = 0);

    /// <summary>What the algorithm's policy says one client can be admitted over a span.</summary>
    protected abstract long MostAdmittedIn(int limit, TimeSpan window, TimeSpan span);

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(150)]
    public void A_client_that_never_pauses_is_admitted_exactly_what_the_policy_allows_over_the_span(int seconds)
    {
        var algorithm = Create(10, Minute);
        var span = TimeSpan.FromSeconds(seconds);
        var step = TimeSpan.FromMilliseconds(250);

        long admitted = 0;
        for (var elapsed = TimeSpan.Zero; ; elapsed += step)
        {
            admitted += Enumerable.Range(0, 20).Count(_ => algorithm.TryAcquire().Allowed);
            if (elapsed + step > span)
            {
                break;
            }

            Clock.Advance(step);
        }

        Assert.Equal(MostAdmittedIn(10, Minute, span), admitted);
    }

    [Fact]
    public void Admits_exactly_the_limit_then_rejects_the_next_request()
    {
        var algorithm = Create(100, Minute);

        var decisions = Enumerable.Range(0, 101).Select(_ => algorithm.TryAcquire()).ToList();

        Assert.All(decisions.Take(100), d => Assert.True(d.Allowed));
        Assert.False(decisions[100].Allowed);
    }

    [Fact]
    public void Remaining_counts_down_to_zero_and_every_decision_carries_the_limit()
    {
        var algorithm = Create(5, Minute);

        var remaining = Enumerable.Range(0, 6).Select(_ => algorithm.TryAcquire()).ToList();

        Assert.Equal([4, 3, 2, 1, 0, 0], remaining.Select(d => d.Remaining));
        Assert.All(remaining, d => Assert.Equal(5, d.Limit));
    }

    [Fact]
    public void An_admission_has_no_retry_after_and_a_rejection_has_a_positive_one()
    {
        var algorithm = Create(1, Minute);

        var admitted = algorithm.TryAcquire();
        var rejected = algorithm.TryAcquire();

        Assert.Equal(TimeSpan.Zero, admitted.RetryAfter);
        Assert.True(rejected.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public void Rejected_requests_leave_no_trace()
    {
        var algorithm = Create(3, Minute);
        for (int i = 0; i < 3; i++)
        {
            algorithm.TryAcquire();
        }

        var firstRejection = algorithm.TryAcquire();
        for (int i = 0; i < 1_000; i++)
        {
            algorithm.TryAcquire();
        }

        var lastRejection = algorithm.TryAcquire();
        Assert.Equal(firstRejection.RetryAfter, lastRejection.RetryAfter);
        Clock.Advance(firstRejection.RetryAfter);
        Assert.True(algorithm.TryAcquire().Allowed);
    }

    [Fact]
    public void Waiting_the_retry_after_admits_the_next_request_and_one_tick_less_does_not()
    {
        var algorithm = Create(10, Minute);
        for (int i = 0; i < 10; i++)
        {
            algorithm.TryAcquire();
            Clock.Advance(TimeSpan.FromMilliseconds(700));
        }

        LimitDecision rejection;
        while ((rejection = algorithm.TryAcquire()).Allowed)
        {
        }

        Clock.Advance(rejection.RetryAfter - TimeSpan.FromTicks(1));
        Assert.False(algorithm.TryAcquire().Allowed);

        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(algorithm.TryAcquire().Allowed);
    }

    [Fact]
    public void A_limit_of_one_admits_one_request_per_window()
    {
        var algorithm = Create(1, Minute);

        Assert.True(algorithm.TryAcquire().Allowed);
        Assert.False(algorithm.TryAcquire().Allowed);
        Clock.Advance(Minute);
        Assert.True(algorithm.TryAcquire().Allowed);
        Assert.False(algorithm.TryAcquire().Allowed);
    }

    [Fact]
    public void A_limit_of_one_million_admits_one_million()
    {
        const int limit = 1_000_000;
        var algorithm = Create(limit, TimeSpan.FromDays(1));

        int admitted = 0;
        for (int i = 0; i < limit; i++)
        {
            admitted += algorithm.TryAcquire().Allowed ? 1 : 0;
        }

        Assert.Equal(limit, admitted);
        Assert.False(algorithm.TryAcquire().Allowed);
    }

    [Fact]
    public void Available_reports_without_recording()
    {
        var algorithm = Create(4, Minute);
        algorithm.TryAcquire();

        Assert.Equal(3, algorithm.Available());
        Assert.Equal(3, algorithm.Available());
        Assert.Equal(2, algorithm.TryAcquire().Remaining);
    }

    [Fact]
    public void Clear_forgets_every_admission()
    {
        var algorithm = Create(2, Minute);
        algorithm.TryAcquire();
        algorithm.TryAcquire();

        algorithm.Clear();

        Assert.Equal(2, algorithm.Available());
        Assert.True(algorithm.TryAcquire().Allowed);
    }

    [Fact]
    public void A_request_that_costs_several_permits_takes_them_all_or_none()
    {
        var algorithm = Create(10, Minute);

        var first = algorithm.TryAcquire(7);
        var second = algorithm.TryAcquire(4);
        var third = algorithm.TryAcquire(3);

        Assert.True(first.Allowed);
        Assert.Equal(3, first.Remaining);
        Assert.False(second.Allowed);
        Assert.Equal(3, second.Remaining);
        Assert.True(third.Allowed);
        Assert.Equal(0, algorithm.Available());
    }

    [Fact]
    public void Waiting_the_retry_after_of_a_costly_request_admits_it_and_one_tick_less_does_not()
    {
        var algorithm = Create(10, Minute);
        for (int i = 0; i < 10; i++)
        {
            algorithm.TryAcquire();
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var rejection = algorithm.TryAcquire(4);

        Assert.False(rejection.Allowed);
        Clock.Advance(rejection.RetryAfter - TimeSpan.FromTicks(1));
        Assert.False(algorithm.TryAcquire(4).Allowed);
        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(algorithm.TryAcquire(4).Allowed);
    }

    [Fact]
    public void A_cost_above_the_limit_is_refused_for_at_least_a_window_and_records_nothing()
    {
        var algorithm = Create(5, Minute);

        var rejection = algorithm.TryAcquire(6);

        Assert.False(rejection.Allowed);
        Assert.Equal(5, rejection.Remaining);
        Assert.True(rejection.RetryAfter >= Minute);
        Assert.Equal(5, algorithm.Available());
    }

    [Fact]
    public void A_cost_below_one_is_a_programming_error()
    {
        var algorithm = Create(5, Minute);

        Assert.Throws<ArgumentOutOfRangeException>(() => algorithm.TryAcquire(0));
    }

    [Fact]
    public void What_was_used_under_another_algorithm_counts_from_the_start()
    {
        var algorithm = Create(10, Minute, alreadyUsed: 7);

        Assert.Equal(3, algorithm.Available());
        Assert.Equal(7, algorithm.UsedWithin(Minute));
        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => algorithm.TryAcquire().Allowed));
    }

    [Fact]
    public void Used_within_a_window_counts_what_this_algorithm_admitted()
    {
        var algorithm = Create(10, Minute);
        for (int i = 0; i < 4; i++)
        {
            algorithm.TryAcquire();
        }

        Assert.Equal(4, algorithm.UsedWithin(Minute));
    }
}
