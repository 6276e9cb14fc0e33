using Microsoft.Extensions.Options;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>Turns an algorithm's or a store's verdict into the <see cref="Decision"/> that leaves this silo.</summary>
public sealed class DecisionFactory(IOptions<RateLimiterOptions> options)
{
    private readonly string _instance = options.Value.InstanceName;

    public Decision Create(LimitDecision verdict, RateLimitMode mode, bool raceDetected = false) =>
        new(verdict.Allowed, verdict.Limit, verdict.Remaining, verdict.RetryAfter, mode, raceDetected, _instance);
}
