namespace RateLimiterOrleans.Stores;

/// <summary>Why Redis could not decide. Only the first two say Redis is down; they are what moves the circuit breaker.</summary>
public enum RedisFailure
{
    /// <summary>No connection: refused, lost, or never made.</summary>
    Unreachable,

    /// <summary>Connected, but a command's answer did not come within the command timeout.</summary>
    TimedOut,

    /// <summary>The circuit is open after repeated failures: Redis was not asked.</summary>
    CircuitOpen,

    /// <summary>Redis answered with an error or an unexpected reply (out of memory, a script error).</summary>
    Refused,
}
