using Orleans.Concurrency;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// A reentrant stateless worker, so a call decides on the silo it reached (the gateway's, for an Orleans client)
/// and many decisions wait on their grains at once, as requests do in <c>/api/request</c>.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class DecisionEntryGrain(RateLimitDecider decider, ClusterConfigCache config) : Grain, IDecisionEntryGrain
{
    public async Task<Decision> Decide(string client, int permits)
    {
        if (!ClientId.TryParse(client, out var id) || (id.Kind == ClientKind.ApiKey && ClientKey.Validate(id.Name) is not null))
        {
            throw new ArgumentException($"'{client}' is not a client id: key:<api key> or ip:<address>, a key of 1 to {ClientKey.MaxLength} printable characters.", nameof(client));
        }

        var snapshot = await config.WhenReady();
        if (Permits.Validate(permits, snapshot.PolicyFor(client).Limits.RateLimit) is { } costProblem)
        {
            throw new ArgumentOutOfRangeException(nameof(permits), permits, $"The cost {costProblem}.");
        }

        return await decider.DecideAsync(client, permits);
    }
}
