namespace RateLimiterOrleans.Stores;

/// <summary>
/// The one exception type a store lets out: Redis was unreachable, too slow, or answered something
/// unexpected. Callers turn it into a documented outcome (fail open or closed), never a crash.
/// </summary>
public sealed class RedisStoreException(string message, Exception? inner = null) : Exception(message, inner);
