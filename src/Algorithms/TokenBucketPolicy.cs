namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// A bucket of <see cref="Capacity"/> tokens that refills continuously at <see cref="Capacity"/> tokens
/// per <see cref="RefillPeriod"/>: the same long-run rate as a sliding window of that limit and length,
/// with bursts up to the capacity.
/// </summary>
public sealed record TokenBucketPolicy
{
    public TokenBucketPolicy(int capacity, TimeSpan refillPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, SlidingWindowPolicy.MaxLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(refillPeriod, SlidingWindowPolicy.MaxWindow);
        Capacity = capacity;
        RefillPeriod = refillPeriod;
    }

    public int Capacity { get; }

    /// <summary>How long an empty bucket takes to fill: one token every RefillPeriod / Capacity.</summary>
    public TimeSpan RefillPeriod { get; }

    /// <summary>
    /// The most one client can be admitted over any <paramref name="span"/>: a full bucket, plus every token
    /// that comes back during the span.
    /// </summary>
    public long MostAdmittedIn(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        return Capacity + (long)Math.Ceiling((double)Capacity * span.Ticks / RefillPeriod.Ticks);
    }
}
