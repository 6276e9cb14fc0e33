using Microsoft.Extensions.Options;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>Turns an algorithm's or a store's verdict into the <see cref="Decision"/> that leaves this silo.</summary>
public sealed class DecisionFactory(IOptions<RateLimiterOptions> options)
{
    private readonly string _instance = options.Value.InstanceName;

    public Decision Create(LimitDecision verdict, RateLimitMode mode, ClientPolicy policy, bool raceDetected = false) =>
        new(verdict.Allowed, verdict.Limit, verdict.Remaining, verdict.RetryAfter, mode, raceDetected, _instance,
            policy.Tier, policy.Algorithm, policy.Limits.WindowSizeSeconds, BackendUnavailable: false);

    /// <summary>Redis failed: the request is allowed if the cluster is configured to fail open, refused otherwise.</summary>
    public Decision BackendUnavailable(RateLimitMode mode, ClientPolicy policy, bool failOpen) =>
        new(failOpen, policy.Limits.RateLimit, 0, TimeSpan.FromSeconds(1), mode, false, _instance,
            policy.Tier, policy.Algorithm, policy.Limits.WindowSizeSeconds, BackendUnavailable: true);
}
