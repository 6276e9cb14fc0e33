namespace RateLimiterOrleans.Stores;

/// <summary>What one call through the circuit breaker says about Redis.</summary>
public enum BreakerOutcome
{
    /// <summary>Redis answered.</summary>
    Succeeded,

    /// <summary>Redis was unreachable or did not answer in time.</summary>
    Failed,

    /// <summary>The call ended without saying whether Redis is up (an error reply, a shutdown).</summary>
    Inconclusive,
}
