namespace RateLimiterOrleans.Stores;

/// <summary>
/// The one exception type a store lets out: Redis was unreachable, too slow, or answered something
/// unexpected. Callers turn it into a documented outcome (the failure policy), never a crash.
/// </summary>
public sealed class RedisStoreException(RedisFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public RedisFailure Failure { get; } = failure;
}
