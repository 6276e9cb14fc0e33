using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>Runs one Redis operation and turns every Redis failure into <see cref="RedisStoreException"/>.</summary>
internal static class RedisCall
{
    public static async Task<T> Run<T>(Func<IDatabase, Task<T>> operation, IConnectionMultiplexer redis)
    {
        try
        {
            return await operation(redis.GetDatabase());
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidCastException or ObjectDisposedException)
        {
            throw new RedisStoreException($"Redis did not complete the rate-limit operation: {e.Message}", e);
        }
    }
}
