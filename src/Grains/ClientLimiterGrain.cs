namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>grain</c>: the client's one activation in the whole cluster. Orleans runs one turn at a time on a
/// non-reentrant grain, so check-then-record needs no lock and no Redis, and the limit is exact.
/// </summary>
public sealed class ClientLimiterGrain(
    ClusterConfigCache config,
    DecisionFactory decisions,
    LimiterActivations activations,
    TimeProvider time) : Grain, IClientLimiterGrain
{
    private readonly IdleDeactivation _idle = new(time);
    private ClientWindow? _window;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activations.Activated(RateLimitMode.Grain);
        _idle.Start(this, config, DeactivateOnIdle);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        activations.Deactivated(RateLimitMode.Grain);
        return Task.CompletedTask;
    }

    public async Task<Decision> Decide()
    {
        var snapshot = await config.WhenReady();
        string client = this.GetPrimaryKeyString();
        _idle.Used();
        _window ??= new ClientWindow(client, time);
        var policy = snapshot.PolicyFor(client);
        return decisions.Create(_window.Decide(snapshot, policy), RateLimitMode.Grain, policy);
    }
}
