using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// Runs one decision's Redis work under the circuit breaker and turns every Redis failure into
/// <see cref="RedisStoreException"/>. The deadline is each command's own timeout in the Redis client
/// (<see cref="RedisConnection.ForDecisions"/>), so time spent waiting for a thread in a busy silo never counts.
/// </summary>
public sealed class RedisGuard(IConnectionMultiplexer redis, RedisCircuitBreaker breaker)
{
    /// <summary>A guard for tools outside a silo (benchmarks): the connection's own timeouts, and a breaker that logs nowhere.</summary>
    public static RedisGuard Standalone(IConnectionMultiplexer redis) =>
        new(redis, new RedisCircuitBreaker(new RedisStoreOptions(), TimeProvider.System, NullLogger<RedisCircuitBreaker>.Instance));

    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (!breaker.TryEnter())
        {
            throw new RedisStoreException(RedisFailure.CircuitOpen, "Redis is failing; the circuit is open until the next probe.");
        }

        // Anything that is neither a success nor Redis being down (a script error, a shutdown) still ends a probe.
        var outcome = BreakerOutcome.Inconclusive;
        try
        {
            var result = await operation(redis.GetDatabase());
            outcome = BreakerOutcome.Succeeded;
            return result;
        }
        catch (RedisConnectionException e)
        {
            outcome = BreakerOutcome.Failed;
            throw new RedisStoreException(RedisFailure.Unreachable, "Redis could not be reached.", e);
        }
        catch (RedisTimeoutException e)
        {
            outcome = BreakerOutcome.Failed;
            throw new RedisStoreException(RedisFailure.TimedOut, "Redis did not answer within the command timeout.", e);
        }
        catch (Exception e) when (e is RedisException or InvalidCastException or ObjectDisposedException)
        {
            throw new RedisStoreException(RedisFailure.Refused, "Redis refused the rate-limit decision.", e);
        }
        finally
        {
            breaker.Record(outcome);
        }
    }
}
