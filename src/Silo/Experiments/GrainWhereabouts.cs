using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Agents;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>Answers "where is my grain?" without activating it: from the grain directory, and each silo's recent decisions.</summary>
public sealed class GrainWhereabouts(IGrainFactory grains, SiloDirectory silos, ClusterConfigCache config, InstanceName instance, TimeProvider time)
{
    public const int RecentCount = 20;

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    /// <param name="client">An API key, as the caller sends it in <c>X-API-Key</c>.</param>
    public async Task<WhereResponse> FindAsync(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var snapshot = await config.WhenReady();
        string id = ClientId.ForApiKey(client).Value;
        // The directory's answer, as this silo last knew it: it never creates an activation.
        var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IClientLimiterGrain>(id));
        var recent = await Task.WhenAll(silos.Active().Select(m => Recent(m.Name, id)));
        return new WhereResponse(
            instance.Value,
            client,
            snapshot.Config.Mode.ToName(),
            address is null ? null : silos.NameOf(address) ?? address.ToString(),
            recent.SelectMany(r => r).OrderByDescending(d => d.At).Take(RecentCount).ToList());
    }

    private async Task<IReadOnlyList<RecentDecision>> Recent(string silo, string client)
    {
        try
        {
            return await grains.GetGrain<ISiloAgentGrain>(silo).RecentGrainDecisions(client).WaitAsync(AskTimeout, time);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // A silo that just died took its recent decisions with it; the others still answer.
            return [];
        }
    }
}
