using Microsoft.Extensions.DependencyInjection;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>grain</c>: the client's one activation in the whole cluster. Orleans runs one turn at a time on a
/// non-reentrant grain, so check-then-record needs no lock and no Redis, and the limit is exact.
/// </summary>
public sealed class ClientLimiterGrain(
    ClusterConfigCache config,
    DecisionFactory decisions,
    LimiterActivations activations,
    [FromKeyedServices(RateLimiterClock.Key)] TimeProvider time) : Grain, IClientLimiterGrain
{
    private ClientWindow? _window;

    private string Client => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activations.Activated(RateLimitMode.Grain);
        var snapshot = await config.WhenReady();
        IdleDeactivation.Start(this, snapshot.PolicyFor(Client).Limits.Window, () => _window?.IsIdle ?? true, DeactivateOnIdle);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activations.Deactivated(RateLimitMode.Grain);
        return Task.CompletedTask;
    }

    public async Task<Decision> Decide(int permits)
    {
        var snapshot = await config.WhenReady();
        _window ??= new ClientWindow(Client, time);
        var policy = snapshot.PolicyFor(Client);
        return decisions.Create(_window.Decide(snapshot, policy, permits), RateLimitMode.Grain, policy);
    }
}
