using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>grain</c>: the client's one activation in the whole cluster. Orleans runs one turn at a time on a non-reentrant
/// grain, so check-then-record needs no lock and no Redis, and the limit is exact. The count outlives the activation
/// through its journal: a block of permits is reserved in Redis before they are admitted, one write per block, and the
/// exact count is handed over when the activation deactivates. A new activation takes the journal over, counting an
/// unreported reservation as used, and fences the old one out.
/// The activation is placed on the silo that first asks for it. Behind round-robin that is any silo, as before;
/// behind affinity routing (nginx hashing the API key) it is the silo every request of the client reaches, so a
/// decision makes no call to another silo.
/// </summary>
[PreferLocalPlacement]
public sealed class ClientLimiterGrain(
    ClusterConfigCache config,
    DecisionFactory decisions,
    LimiterActivations activations,
    GrainJournalStore journalStore,
    RateLimiterMetrics metrics,
    IOptions<RateLimiterOptions> options,
    ILogger<ClientLimiterGrain> logger,
    [FromKeyedServices(RateLimiterClock.Key)] TimeProvider time) : Grain, IClientLimiterGrain
{
    private ClientWindow _window = null!;
    private ClientJournal _journal = null!;
    private bool _fenced;

    private string Client => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activations.Activated();
        var snapshot = await config.WhenReady();
        var policy = snapshot.PolicyFor(Client);
        _window = new ClientWindow(Client, time);
        _journal = new ClientJournal(journalStore, Client, options.Value.GrainReservation, metrics, time, logger);
        if (await _journal.ClaimAsync(snapshot.Config.FullResetGeneration, policy) is { } recovered)
        {
            _window.Restore(snapshot, policy, recovered);
        }

        IdleDeactivation.Start(this, policy.Limits.Window, options.Value.IdleCheck, () => _window.IsIdle, DeactivateOnIdle);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Counted as active until its count is handed over, which is the last of its work.
        try
        {
            if (!_fenced && config.IsReady)
            {
                var snapshot = config.Current;
                var policy = snapshot.PolicyFor(Client);
                await _journal.HandOverAsync(snapshot.Config.FullResetGeneration, policy, _window.Capture);
            }
        }
        finally
        {
            activations.Deactivated();
        }
    }

    public async Task<Decision> Decide(int permits)
    {
        var snapshot = await config.WhenReady();
        var policy = snapshot.PolicyFor(Client);
        if (!_fenced && _window.WouldAdmit(snapshot, policy, permits))
        {
            var reserved = await _journal.ReserveAsync(permits, snapshot.Config.FullResetGeneration, policy, _window.Capture);
            _fenced = reserved == JournalReservation.Fenced;
        }

        if (_fenced)
        {
            DeactivateOnIdle();
            return decisions.Uncounted(RateLimitMode.Grain, policy, DecisionBasis.Fenced);
        }

        var verdict = _window.Decide(snapshot, policy, permits);
        if (verdict.Allowed)
        {
            _journal.Use(permits);
        }

        return decisions.Create(verdict, RateLimitMode.Grain, policy);
    }
}
