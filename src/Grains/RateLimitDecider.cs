using System.Diagnostics;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// The entry point on each silo: sends a request to the client's grain of the mode in force, and counts,
/// times and traces the outcome here, on the silo that took the request.
/// </summary>
public sealed class RateLimitDecider(
    IGrainFactory grains,
    ClusterConfigCache config,
    SiloDecisionStats stats,
    RecentGrainDecisions recentGrainDecisions,
    IDecisionMetrics metrics,
    TimeProvider time)
{
    /// <param name="client">A key that <see cref="ClientKey.Validate"/> accepted.</param>
    public async Task<Decision> DecideAsync(string client)
    {
        ArgumentException.ThrowIfNullOrEmpty(client);
        var snapshot = await config.WhenReady();
        var mode = snapshot.Config.Mode;
        using var activity = RateLimiterTelemetry.Source.StartActivity("ratelimit.decide");
        activity?.SetTag("ratelimit.mode", mode.ToName());
        activity?.SetTag("ratelimit.client_digest", RateLimiterTelemetry.ClientDigest(client));

        long started = time.GetTimestamp();
        var decision = await LimiterFor(mode, client).Decide();
        if (decision.BackendUnavailable)
        {
            metrics.BackendFailed(mode);
            activity?.SetStatus(ActivityStatusCode.Error, "redis_unavailable");
        }
        else
        {
            metrics.Decided(decision, time.GetElapsedTime(started));
        }

        stats.Record(decision);
        recentGrainDecisions.Record(client, decision);
        activity?.SetTag("ratelimit.algorithm", decision.Algorithm.ToName());
        activity?.SetTag("ratelimit.tier", decision.Tier);
        activity?.SetTag("ratelimit.result", decision.Allowed ? "allowed" : "rejected");
        activity?.SetTag("ratelimit.decided_by", decision.DecidedBy);
        return decision;
    }

    private IRateLimiterGrain LimiterFor(RateLimitMode mode, string client) => mode switch
    {
        RateLimitMode.Local => grains.GetGrain<ILocalLimiterGrain>(client),
        RateLimitMode.Grain => grains.GetGrain<IClientLimiterGrain>(client),
        RateLimitMode.RedisNaive => grains.GetGrain<IRedisNaiveLimiterGrain>(client),
        RateLimitMode.RedisAtomic => grains.GetGrain<IRedisAtomicLimiterGrain>(client),
        _ => throw new InvalidOperationException($"No limiter for mode {mode}."),
    };
}
