using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// Runs one decision's Redis work under a deadline and the circuit breaker, and turns every Redis
/// failure into <see cref="RedisStoreException"/>.
/// </summary>
public sealed class RedisGuard(IConnectionMultiplexer redis, RedisCircuitBreaker breaker, RedisStoreOptions options, TimeProvider time)
{
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation)
    {
        if (!breaker.TryEnter())
        {
            throw new RedisStoreException("Redis is failing; the circuit is open until the next probe.");
        }

        try
        {
            // The deadline covers the whole decision: the naive path makes several round trips.
            var result = await operation(redis.GetDatabase()).WaitAsync(options.OperationTimeout, time);
            breaker.Succeeded();
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidCastException or ObjectDisposedException)
        {
            breaker.Failed();
            throw new RedisStoreException($"Redis did not complete the rate-limit decision: {e.Message}", e);
        }
    }
}
