using Orleans.Concurrency;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Both Redis modes: a reentrant stateless worker, so it runs on whichever silo took the request and interleaves
/// at every Redis round trip, as the seed's API replicas did. In <c>redis_naive</c> the race is therefore real;
/// in <c>redis_atomic</c> exactness comes from Redis running the Lua script atomically, not from Orleans.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class RedisLimiterGrain(RedisLimiters limiters, ClusterConfigCache config) : Grain, IRedisLimiterGrain
{
    public async Task<Decision> Decide(RateLimitMode mode, string client, int permits) =>
        await limiters.Decide(mode, client, await config.WhenReady(), permits);
}
