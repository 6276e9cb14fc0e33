using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Algorithms.Tests;

public sealed class SlidingWindowLogTests : RateLimitAlgorithmContractTests
{
    protected override IRateLimitAlgorithm Create(int limit, TimeSpan window, int alreadyUsed = 0) =>
        new SlidingWindowLog(new SlidingWindowPolicy(limit, window), Clock, alreadyUsed);

    protected override long MostAdmittedIn(int limit, TimeSpan window, TimeSpan span) => new SlidingWindowPolicy(limit, window).MostAdmittedIn(span);

    [Fact]
    public void An_entry_counts_until_one_tick_before_the_window_ends_and_is_gone_exactly_at_it()
    {
        var log = CreateLog(1, Minute);
        log.TryAcquire();

        Clock.Advance(Minute - TimeSpan.FromTicks(1));
        Assert.Equal(1, log.CountInWindow());
        Assert.False(log.TryAcquire().Allowed);

        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(0, log.CountInWindow());
        Assert.True(log.TryAcquire().Allowed);
    }

    [Fact]
    public void Retry_after_is_the_time_until_the_oldest_admitted_entry_leaves_the_window()
    {
        var log = CreateLog(3, Minute);
        log.TryAcquire();
        Clock.Advance(TimeSpan.FromSeconds(10));
        log.TryAcquire();
        Clock.Advance(TimeSpan.FromSeconds(5));
        log.TryAcquire();
        Clock.Advance(TimeSpan.FromSeconds(2));

        var rejection = log.TryAcquire();

        Assert.False(rejection.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(60 - 17), rejection.RetryAfter);
    }

    [Fact]
    public void The_window_slides_one_entry_at_a_time_rather_than_resetting()
    {
        var log = CreateLog(2, Minute);
        log.TryAcquire();
        Clock.Advance(TimeSpan.FromSeconds(30));
        log.TryAcquire();
        Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(log.TryAcquire().Allowed);
        Assert.False(log.TryAcquire().Allowed);
    }

    [Fact]
    public void A_lower_limit_keeps_the_surplus_until_it_leaves_the_window()
    {
        var log = CreateLog(4, Minute);
        for (int i = 0; i < 4; i++)
        {
            log.TryAcquire();
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        log.ChangePolicy(new SlidingWindowPolicy(2, Minute));
        var rejection = log.TryAcquire();

        Assert.False(rejection.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), rejection.RetryAfter);
        Clock.Advance(rejection.RetryAfter);
        Assert.True(log.TryAcquire().Allowed);
    }

    [Fact]
    public void A_day_long_window_does_not_overflow_with_a_nanosecond_clock()
    {
        var log = new SlidingWindowLog(new SlidingWindowPolicy(1, TimeSpan.FromDays(1)), new NanosecondClock(Clock));
        log.TryAcquire();

        Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(TimeSpan.FromHours(1), log.TryAcquire().RetryAfter);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(log.TryAcquire().Allowed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SlidingWindowPolicy.MaxLimit + 1)]
    public void A_policy_outside_its_range_is_refused(int limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindowPolicy(limit, Minute));
    }

    private SlidingWindowLog CreateLog(int limit, TimeSpan window) => new(new SlidingWindowPolicy(limit, window), Clock);
}
