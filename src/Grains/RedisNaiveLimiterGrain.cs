using Orleans.Concurrency;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>redis_naive</c>: a reentrant stateless worker, so it runs on whichever silo took the request and
/// interleaves at every Redis round trip, just as the seed's API replicas did. The race is real.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class RedisNaiveLimiterGrain(RedisLimiters limiters, ClusterConfigCache config) : Grain, IRedisNaiveLimiterGrain
{
    public async Task<Decision> Decide() =>
        await limiters.Decide(RateLimitMode.RedisNaive, this.GetPrimaryKeyString(), await config.WhenReady());
}
