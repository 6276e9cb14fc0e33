using Orleans.Concurrency;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>local</c>: a reentrant stateless worker, so it runs on whichever silo took the request and decides from that
/// silo's counts (<see cref="LocalClientWindows"/>). Behind a round-robin balancer with n silos, a client therefore
/// gets about n times the limit. The counts live in the silo, not in the activations, so however many activations
/// Orleans keeps, a silo still has one count per client.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class LocalLimiterGrain(LocalClientWindows windows, ClusterConfigCache config, DecisionFactory decisions) : Grain, ILocalLimiterGrain
{
    public async Task<Decision> Decide(string client, int permits)
    {
        var snapshot = await config.WhenReady();
        var policy = snapshot.PolicyFor(client);
        return decisions.Create(windows.Decide(client, snapshot, policy, permits), RateLimitMode.Local, policy);
    }
}
