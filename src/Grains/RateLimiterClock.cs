namespace RateLimiterOrleans.Grains;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that limiter decisions read: the system clock unless a host registers
/// another under this key first. Orleans keeps its own for membership and timers, so a test can drive the limiter's
/// windows by hand without stopping the cluster's clock.
/// </summary>
public static class RateLimiterClock
{
    public const string Key = "ratelimiter";
}
