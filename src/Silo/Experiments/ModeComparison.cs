using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// The lab's lesson in one run: the same burst in <c>local</c>, <c>grain</c>, <c>redis_naive</c> and
/// <c>redis_atomic</c>, one after another, then the mode it found put back, whatever happened meanwhile.
/// </summary>
public sealed class ModeComparison(BurstRunner bursts, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
{
    // Each burst must be decided in its mode on every silo: the change answers after a short bound even if a silo of a
    // loaded cluster has not taken it yet, so wait for the last one (the experiment's own time bound is minutes).
    private static readonly TimeSpan ModeChangeBound = TimeSpan.FromSeconds(10);

    public async Task<ComparisonResult> RunAsync(CompareRequest compare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compare);
        var configGrain = grains.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey);
        var found = (await configGrain.Get()).Mode;
        var results = new List<BurstResult>();
        try
        {
            foreach (var mode in Enum.GetValues<RateLimitMode>())
            {
                await SetMode(configGrain, mode);
                // A fresh key is a reset of that client that writes nothing and leaves every other client alone.
                string client = $"{compare.ClientPrefix}-{mode.ToName()}-{Guid.NewGuid().ToString("N")[..8]}";
                results.Add(await bursts.RunAsync(new BurstRequest(client, compare.Requests, compare.Concurrency), cancellationToken));
            }
        }
        finally
        {
            await SetMode(configGrain, found);
        }

        return new ComparisonResult(instance.Value, compare.Requests, compare.Concurrency, found.ToName(), results);
    }

    private async Task SetMode(IConfigGrain configGrain, RateLimitMode mode)
    {
        var change = await configGrain.Update(new ConfigPatch(Mode: mode.ToName()));
        config.Offer(change.Config);
        if (!await configGrain.EverySiloHolds(change.Config.Version, ModeChangeBound))
        {
            throw new TimeoutException($"A silo did not take mode {mode.ToName()} within {ModeChangeBound.TotalSeconds} s.");
        }
    }
}
