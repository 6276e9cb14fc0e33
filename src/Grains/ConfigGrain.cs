using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Owns the cluster-wide configuration: persisted in Redis through Orleans grain storage, and pushed to
/// every silo's cache through <see cref="WaitForChange"/>, a long poll that answers on the next change.
/// </summary>
public sealed partial class ConfigGrain(
    [PersistentState("config", RateLimiterStorage.Name)] IPersistentState<ConfigState> state,
    IOptions<RateLimiterOptions> options,
    RedisResetStore redisReset,
    IClusterMembershipService membership,
    TimeProvider time,
    ILogger<ConfigGrain> logger) : Grain, IConfigGrain
{
    // Long enough to keep idle polling cheap, short enough to stay well inside the method's 15 s response timeout.
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(10);

    // Inside EverySiloHolds' own response timeout.
    private static readonly TimeSpan MaxPropagationWait = TimeSpan.FromSeconds(10);

    private readonly SiloAcknowledgements _acknowledgements = new(time, membership);
    private TaskCompletionSource<ClusterConfig> _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // What Redis holds. The polls interleave with a change's write, so they must not see the change before it is
    // saved: a write that then failed would take the version back, and the next change would reuse its number for
    // other content, which a silo holding the unsaved copy would take for the version it already has.
    private ClusterConfig _saved = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Config is null)
        {
            var defaults = options.Value;
            var patch = new ConfigPatch(defaults.DefaultMode, RateLimit: defaults.DefaultRateLimit, WindowSizeSeconds: defaults.DefaultWindowSizeSeconds);
            state.State.Config = ConfigRules.Apply(ConfigRules.Fallback, patch).Config;
            await state.WriteStateAsync(cancellationToken);
        }

        // A configuration stored before tiers existed reads back without them.
        var stored = state.State.Config;
        _saved = state.State.Config = stored with
        {
            ClientResets = stored.ClientResets ?? [],
            Tiers = stored.Tiers ?? [],
            Assignments = stored.Assignments ?? [],
        };
        LogActivated(_saved.Version);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        LogDeactivated(_saved.Version, reason.ReasonCode, reason.Description);
        return Task.CompletedTask;
    }

    public Task<ClusterConfig> Get() => Task.FromResult(_saved);

    public Task<ConfigChange> Update(ConfigPatch patch) => Change(ConfigRules.Apply(_saved, patch));

    public Task<ConfigChange> PutTier(string name, TierPatch patch) => Change(ConfigRules.PutTier(_saved, name, patch));

    public Task<ConfigChange> DeleteTier(string name) => Change(ConfigRules.DeleteTier(_saved, name));

    public Task<ConfigChange> Assign(string apiKey, string tier) => Change(ConfigRules.Assign(_saved, apiKey, tier));

    public Task<ConfigChange> Unassign(string apiKey) => Change(ConfigRules.Unassign(_saved, apiKey));

    public Task<ClusterConfig> ResetAll()
    {
        long generation = _saved.ResetCounter + 1;
        return Save(_saved with
        {
            Version = _saved.Version + 1,
            ResetCounter = generation,
            FullResetGeneration = generation,
            ClientResets = _saved.ClientResets.Clear(),
        });
    }

    public async Task<ConfigChange> ResetClient(string client)
    {
        var change = ConfigRules.ResetClient(_saved, client, time.GetUtcNow());
        if (!change.Applied)
        {
            return change;
        }

        // Redis first: when it fails, nothing has changed, so a retry is a whole reset.
        try
        {
            await redisReset.ResetClientAsync(client, _saved.FullResetGeneration);
        }
        catch (RedisStoreException)
        {
            return new ConfigChange(_saved, new ConfigError("client", "was not reset: Redis did not answer; retry shortly", ConfigErrorKind.Unavailable));
        }

        await Save(change.Config);
        return change;
    }

    public Task<bool> EverySiloHolds(long version, TimeSpan within) =>
        _acknowledgements.WaitForAll(version, TimeSpan.FromTicks(Math.Clamp(within.Ticks, 0, MaxPropagationWait.Ticks)));

    public async Task<ClusterConfig> WaitForChange(long knownVersion, string silo)
    {
        _acknowledgements.Record(silo, knownVersion, _saved.Version);
        if (_saved.Version != knownVersion)
        {
            return _saved;
        }

        await Task.WhenAny(_changed.Task, Task.Delay(LongPoll, time));
        return _saved;
    }

    private async Task<ConfigChange> Change(ConfigChange change)
    {
        if (change.Applied && !ReferenceEquals(change.Config, _saved))
        {
            await Save(change.Config);
        }

        return change;
    }

    private async Task<ClusterConfig> Save(ClusterConfig next)
    {
        state.State.Config = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The change is refused whole: memory must not run ahead of what Redis holds.
            state.State.Config = _saved;
            throw;
        }

        _saved = next;
        var waiting = _changed;
        _changed = new TaskCompletionSource<ClusterConfig>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.SetResult(next);
        return next;
    }

    // Which silo hosted the grain, and at which version: what explains a silo that holds an old configuration.
    [LoggerMessage(Level = LogLevel.Information, Message = "The configuration grain is active on this silo with configuration v{Version}")]
    private partial void LogActivated(long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "The configuration grain leaves this silo at configuration v{Version}: {Reason} ({Description})")]
    private partial void LogDeactivated(long version, DeactivationReasonCode reason, string description);
}
