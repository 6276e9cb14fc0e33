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

    /// <summary>One silo's share of this policy when <paramref name="silos"/> silos count apart: ceil(limit / silos).</summary>
    public ClientPolicy ShareFor(int silos)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        return silos == 1 ? this : For(Tier, Limits with { RateLimit = (Limits.RateLimit + silos - 1) / silos });
    }
}
