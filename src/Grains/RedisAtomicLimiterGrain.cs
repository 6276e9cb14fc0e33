using Orleans.Concurrency;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>redis_atomic</c>: a reentrant stateless worker on the silo that took the request. Exactness comes
/// from Redis running the Lua script atomically, not from Orleans.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class RedisAtomicLimiterGrain(
    AtomicSlidingWindowStore store,
    ClusterConfigCache config,
    DecisionFactory decisions) : Grain, IRedisAtomicLimiterGrain
{
    public async Task<Decision> Decide()
    {
        var snapshot = await config.WhenReady();
        var result = await store.DecideAsync(this.GetPrimaryKeyString(), snapshot.Config.FullResetGeneration, snapshot.SlidingWindow);
        return decisions.Create(result.Decision, RateLimitMode.RedisAtomic);
    }
}
