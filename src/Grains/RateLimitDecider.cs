namespace RateLimiterOrleans.Grains;

/// <summary>
/// The entry point on each silo: sends a request to the client's grain of the mode in force and counts
/// the outcome here, on the silo that took the request.
/// </summary>
public sealed class RateLimitDecider(IGrainFactory grains, ClusterConfigCache config, SiloDecisionStats stats)
{
    /// <param name="client">A key that <see cref="ClientKey.Validate"/> accepted.</param>
    public async Task<Decision> DecideAsync(string client)
    {
        ArgumentException.ThrowIfNullOrEmpty(client);
        var snapshot = await config.WhenReady();
        IRateLimiterGrain limiter = snapshot.Config.Mode switch
        {
            RateLimitMode.Local => grains.GetGrain<ILocalLimiterGrain>(client),
            RateLimitMode.Grain => grains.GetGrain<IClientLimiterGrain>(client),
            RateLimitMode.RedisNaive => grains.GetGrain<IRedisNaiveLimiterGrain>(client),
            RateLimitMode.RedisAtomic => grains.GetGrain<IRedisAtomicLimiterGrain>(client),
            _ => throw new InvalidOperationException($"No limiter for mode {snapshot.Config.Mode}."),
        };
        var decision = await limiter.Decide();
        stats.Record(decision);
        return decision;
    }
}
