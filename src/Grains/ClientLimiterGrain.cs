namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>grain</c>: the client's one activation in the whole cluster. Orleans runs one turn at a time on a
/// non-reentrant grain, so check-then-record needs no lock and no Redis, and the limit is exact.
/// </summary>
public sealed class ClientLimiterGrain(
    ClusterConfigCache config,
    DecisionFactory decisions,
    TimeProvider time) : Grain, IClientLimiterGrain
{
    private ClientWindow? _window;

    public async Task<Decision> Decide()
    {
        var snapshot = await config.WhenReady();
        string client = this.GetPrimaryKeyString();
        _window ??= new ClientWindow(client, time);
        return decisions.Create(_window.Decide(snapshot), RateLimitMode.Grain, snapshot.PolicyFor(client));
    }
}
