using Orleans.Placement;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// Placed as <see cref="ClientLimiterGrain"/> is (on the silo that first asks) and, as it does, taking one call at a
/// time, with no count, journal or Redis: it admits from the client's policy, and leaves once a window passes without
/// a call.
/// </summary>
[PreferLocalPlacement]
public sealed class BareClientGrain(ClusterConfigCache config, DecisionFactory decisions, BareClientGrains active) : Grain, IBareClientGrain
{
    private bool _calledSinceCheck;

    private string Client => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var snapshot = await config.WhenReady();
        var window = snapshot.PolicyFor(Client).Limits.Window;
        this.RegisterGrainTimer(() =>
        {
            if (!_calledSinceCheck)
            {
                DeactivateOnIdle();
            }

            _calledSinceCheck = false;
            return Task.CompletedTask;
        }, window, window);
        // Counted once it is active: an activation that fails is never deactivated, and would stay counted.
        active.Activated();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        active.Deactivated();
        return Task.CompletedTask;
    }

    public async Task<Decision> Decide(int permits)
    {
        _calledSinceCheck = true;
        var snapshot = await config.WhenReady();
        return decisions.AdmitWithoutCounting(RateLimitMode.Grain, snapshot.PolicyFor(Client), permits);
    }
}
