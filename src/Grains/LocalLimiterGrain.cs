using Orleans.Concurrency;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>local</c>: at most one activation per client on each silo, deciding from that silo's count alone.
/// Behind a round-robin balancer with n silos, a client therefore gets about n times the limit.
/// </summary>
[StatelessWorker(1)]
public sealed class LocalLimiterGrain(
    LocalClientWindows windows,
    ClusterConfigCache config,
    DecisionFactory decisions,
    LimiterActivations activations,
    TimeProvider time) : Grain, ILocalLimiterGrain
{
    private readonly IdleDeactivation _idle = new(time);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activations.Activated(RateLimitMode.Local);
        _idle.Start(this, config, DeactivateOnIdle);
        return Task.CompletedTask;
    }

    public async Task<Decision> Decide()
    {
        var snapshot = await config.WhenReady();
        string client = this.GetPrimaryKeyString();
        _idle.Used();
        var policy = snapshot.PolicyFor(client);
        return decisions.Create(windows.Decide(client, snapshot, policy), RateLimitMode.Local, policy);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activations.Deactivated(RateLimitMode.Local);
        windows.Forget(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}
