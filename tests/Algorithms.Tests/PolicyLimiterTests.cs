using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Algorithms.Tests;

/// <summary>A client whose policy changes under it keeps what it was admitted: no change hands out a fresh limit.</summary>
public sealed class PolicyLimiterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Moving_from_the_sliding_window_to_the_token_bucket_starts_with_the_tokens_used()
    {
        var limiter = new PolicyLimiter(_clock);
        for (int i = 0; i < 8; i++)
        {
            limiter.TryAcquire(new SlidingWindowPolicy(10, Minute));
        }

        var decision = limiter.TryAcquire(new TokenBucketPolicy(10, Minute));

        Assert.True(decision.Allowed);
        Assert.Equal(1, decision.Remaining);
    }

    [Fact]
    public void Moving_from_the_token_bucket_to_the_sliding_window_starts_with_the_tokens_missing_as_entries_made_now()
    {
        var limiter = new PolicyLimiter(_clock);
        for (int i = 0; i < 10; i++)
        {
            limiter.TryAcquire(new TokenBucketPolicy(10, Minute));
        }

        var moved = limiter.TryAcquire(new SlidingWindowPolicy(10, Minute));
        _clock.Advance(Minute);
        var afterWindow = limiter.TryAcquire(new SlidingWindowPolicy(10, Minute));

        Assert.False(moved.Allowed);
        Assert.Equal(Minute, moved.RetryAfter);
        Assert.True(afterWindow.Allowed);
    }

    [Fact]
    public void A_longer_window_keeps_what_was_admitted_in_the_shorter_one()
    {
        var limiter = new PolicyLimiter(_clock);
        for (int i = 0; i < 5; i++)
        {
            limiter.TryAcquire(new SlidingWindowPolicy(5, Minute));
        }

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False(limiter.TryAcquire(new SlidingWindowPolicy(5, TimeSpan.FromHours(1))).Allowed);
    }

    [Fact]
    public void A_longer_period_keeps_the_tokens_taken()
    {
        var limiter = new PolicyLimiter(_clock);
        for (int i = 0; i < 5; i++)
        {
            limiter.TryAcquire(new TokenBucketPolicy(5, Minute));
        }

        _clock.Advance(TimeSpan.FromSeconds(11));

        Assert.False(limiter.TryAcquire(new TokenBucketPolicy(5, TimeSpan.FromHours(1))).Allowed);
    }

    [Fact]
    public void It_is_idle_only_once_nothing_is_counted()
    {
        var limiter = new PolicyLimiter(_clock);
        Assert.True(limiter.IsIdle);

        limiter.TryAcquire(new SlidingWindowPolicy(5, Minute));
        Assert.False(limiter.IsIdle);

        _clock.Advance(Minute);
        Assert.True(limiter.IsIdle);
    }
}
