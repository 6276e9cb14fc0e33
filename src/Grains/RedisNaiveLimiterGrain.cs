using Orleans.Concurrency;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>redis_naive</c>: a reentrant stateless worker, so it runs on whichever silo took the request and
/// interleaves at every Redis round trip, just as the seed's API replicas did. The race is real.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class RedisNaiveLimiterGrain(
    NaiveSlidingWindowStore store,
    ClusterConfigCache config,
    DecisionFactory decisions) : Grain, IRedisNaiveLimiterGrain
{
    public async Task<Decision> Decide()
    {
        var snapshot = await config.WhenReady();
        var result = await store.DecideAsync(this.GetPrimaryKeyString(), snapshot.Config.FullResetGeneration, snapshot.SlidingWindow);
        return decisions.Create(result.Decision, RateLimitMode.RedisNaive, result.RaceDetected);
    }
}
