using Orleans.Concurrency;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>A reentrant stateless worker as <see cref="RedisLimiterGrain"/> is, with no Redis behind it.</summary>
[StatelessWorker, Reentrant]
public sealed class BareWorkerGrain(ClusterConfigCache config, DecisionFactory decisions) : Grain, IBareWorkerGrain
{
    public async Task<Decision> Decide(string client, int permits) =>
        decisions.AdmitWithoutCounting(RateLimitMode.RedisAtomic, (await config.WhenReady()).PolicyFor(client), permits);
}
