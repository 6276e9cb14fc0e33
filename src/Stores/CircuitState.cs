namespace RateLimiterOrleans.Stores;

/// <summary>Whether decisions go to Redis (closed), not at all (open), or one at a time to probe it (half-open).</summary>
public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}
