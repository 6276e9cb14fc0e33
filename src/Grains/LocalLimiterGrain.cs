using Microsoft.Extensions.Options;
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
    IOptions<RateLimiterOptions> options) : Grain, ILocalLimiterGrain
{
    private string Client => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activations.Activated(RateLimitMode.Local);
        var snapshot = await config.WhenReady();
        IdleDeactivation.Start(this, snapshot.PolicyFor(Client).Limits.Window, options.Value.IdleCheck, () => windows.IsIdle(Client), DeactivateOnIdle);
    }

    public async Task<Decision> Decide(int permits)
    {
        var snapshot = await config.WhenReady();
        var policy = snapshot.PolicyFor(Client);
        return decisions.Create(windows.Decide(Client, snapshot, policy, permits), RateLimitMode.Local, policy);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activations.Deactivated(RateLimitMode.Local);
        windows.Forget(Client);
        return Task.CompletedTask;
    }
}
