using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>The limits one client is under: its tier's name, algorithm and the matching policy.</summary>
public sealed record ClientPolicy(string Tier, TierLimits Limits, SlidingWindowPolicy SlidingWindow, TokenBucketPolicy TokenBucket)
{
    public RateLimitAlgorithm Algorithm => Limits.Algorithm;

    /// <summary>The most this client can be admitted over any <paramref name="span"/>, under its algorithm.</summary>
    public long MostAdmittedIn(TimeSpan span) => Algorithm == RateLimitAlgorithm.TokenBucket
        ? TokenBucket.MostAdmittedIn(span)
        : SlidingWindow.MostAdmittedIn(span);

    public static ClientPolicy For(string tier, TierLimits limits) => new(
        tier,
        limits,
        new SlidingWindowPolicy(limits.RateLimit, limits.Window),
        new TokenBucketPolicy(limits.RateLimit, limits.Window));
}
