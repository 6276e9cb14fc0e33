using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Algorithms.Tests;

public sealed class TokenBucketTests : RateLimitAlgorithmContractTests
{
    protected override IRateLimitAlgorithm Create(int limit, TimeSpan window, int alreadyUsed = 0) =>
        new TokenBucket(new TokenBucketPolicy(limit, window), Clock, alreadyUsed);

    protected override long MostAdmittedIn(int limit, TimeSpan window, TimeSpan span) => new TokenBucketPolicy(limit, window).MostAdmittedIn(span);

    [Fact]
    public void A_full_bucket_admits_a_burst_of_its_capacity_at_one_instant()
    {
        var bucket = CreateBucket(50, Minute);

        int admitted = Enumerable.Range(0, 80).Count(_ => bucket.TryAcquire().Allowed);

        Assert.Equal(50, admitted);
    }

    [Fact]
    public void Tokens_come_back_at_capacity_per_period_one_every_period_over_capacity()
    {
        var bucket = CreateBucket(60, Minute);
        Drain(bucket);

        Clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.False(bucket.TryAcquire().Allowed);
        Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(bucket.TryAcquire().Allowed);
        Assert.False(bucket.TryAcquire().Allowed);

        Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(10, bucket.Available());
    }

    [Fact]
    public void The_bucket_never_holds_more_than_its_capacity()
    {
        var bucket = CreateBucket(5, Minute);
        bucket.TryAcquire();

        Clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(5, bucket.Available());
        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => bucket.TryAcquire().Allowed));
    }

    [Fact]
    public void Retry_after_is_the_time_until_one_whole_token_is_back()
    {
        var bucket = CreateBucket(3, TimeSpan.FromSeconds(30));
        Drain(bucket);
        Clock.Advance(TimeSpan.FromSeconds(4));

        var rejection = bucket.TryAcquire();

        Assert.False(rejection.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(6), rejection.RetryAfter);
    }

    [Fact]
    public void A_rate_that_does_not_divide_evenly_still_refills_exactly()
    {
        var bucket = CreateBucket(3, TimeSpan.FromSeconds(10));
        Drain(bucket);

        var rejection = bucket.TryAcquire();

        // One token every 3.333... s: the retry-after is rounded up to the next tick, never down.
        Assert.Equal(TimeSpan.FromTicks(33_333_334), rejection.RetryAfter);
        Clock.Advance(rejection.RetryAfter);
        Assert.True(bucket.TryAcquire().Allowed);
        Assert.Equal(0, bucket.Available());
        Clock.Advance(rejection.RetryAfter);
        Assert.Equal(1, bucket.Available());
    }

    [Fact]
    public void A_new_policy_keeps_the_tokens_held_up_to_the_new_capacity()
    {
        var bucket = CreateBucket(10, Minute);
        for (int i = 0; i < 4; i++)
        {
            bucket.TryAcquire();
        }

        bucket.ChangePolicy(new TokenBucketPolicy(100, Minute));
        Assert.Equal(6, bucket.Available());

        bucket.ChangePolicy(new TokenBucketPolicy(2, Minute));
        Assert.Equal(2, bucket.Available());
    }

    [Fact]
    public void The_same_policy_again_keeps_a_partly_refilled_token()
    {
        var bucket = CreateBucket(60, Minute);
        Drain(bucket);
        Clock.Advance(TimeSpan.FromMilliseconds(600));

        bucket.ChangePolicy(new TokenBucketPolicy(60, Minute));
        Clock.Advance(TimeSpan.FromMilliseconds(400));

        Assert.True(bucket.TryAcquire().Allowed);
    }

    [Fact]
    public void A_longer_period_keeps_the_tokens_already_taken()
    {
        var bucket = CreateBucket(10, Minute);
        Drain(bucket);

        bucket.ChangePolicy(new TokenBucketPolicy(10, TimeSpan.FromHours(1)));
        Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(0, bucket.Available());
    }

    [Fact]
    public void A_day_long_period_with_a_million_tokens_does_not_overflow_with_a_nanosecond_clock()
    {
        var bucket = new TokenBucket(new TokenBucketPolicy(1_000_000, TimeSpan.FromDays(1)), new NanosecondClock(Clock));
        for (int i = 0; i < 1_000_000; i++)
        {
            bucket.TryAcquire();
        }

        Assert.False(bucket.TryAcquire().Allowed);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1_000_000, bucket.Available());
    }

    private TokenBucket CreateBucket(int capacity, TimeSpan period) => new(new TokenBucketPolicy(capacity, period), Clock);

    private static void Drain(TokenBucket bucket)
    {
        while (bucket.TryAcquire().Allowed)
        {
        }
    }
}
