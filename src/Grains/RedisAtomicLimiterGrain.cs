using Orleans.Concurrency;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>redis_atomic</c>: a reentrant stateless worker on the silo that took the request. Exactness comes
/// from Redis running the Lua script atomically, not from Orleans.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class RedisAtomicLimiterGrain(RedisLimiters limiters, ClusterConfigCache config) : Grain, IRedisAtomicLimiterGrain
{
    public async Task<Decision> Decide() =>
        await limiters.Decide(RateLimitMode.RedisAtomic, this.GetPrimaryKeyString(), await config.WhenReady());
}
