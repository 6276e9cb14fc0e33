using System.Threading.RateLimiting;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// The twins of <c>/api/request</c> that <c>./lab bench</c> compares against: the same client identity,
/// JSON and status codes, with no decision at all (<c>/api/baseline</c>), with a mode's grain call and no decision
/// (<c>/api/ceiling/...</c>), or with a peer limiter deciding.
/// </summary>
internal static class BenchEndpoints
{
    public static async Task<IResult> Baseline(HttpContext context, ClusterConfigCache config, InstanceName instance)
    {
        var (client, error) = ClientIdentity.Resolve(context);
        if (error is not null)
        {
            return error.ToResult();
        }

        var snapshot = await config.ForRequest(context);
        return Results.Json(Body("ok", client.Name, "baseline", snapshot.Config.RateLimit, instance));
    }

    /// <summary>
    /// <c>/api/request</c> in <c>grain</c> mode with the decision taken out: the same call to a grain of the client,
    /// placed as the client's limiter grain is, which admits every request.
    /// </summary>
    public static Task<IResult> BareGrainCall(HttpContext context, ClientGrainReferences<IBareClientGrain> grains, ClusterConfigCache config, SecurityOptions security, InstanceName instance) =>
        Ceiling(context, client => grains.For(client).Decide(1), config, security, instance);

    /// <summary>
    /// <c>/api/request</c> in the Redis modes with the script taken out: the same call to a worker on this silo, which
    /// admits every request.
    /// </summary>
    public static Task<IResult> BareWorkerCall(HttpContext context, IBareWorkerGrain worker, ClusterConfigCache config, SecurityOptions security, InstanceName instance) =>
        Ceiling(context, client => worker.Decide(client, 1), config, security, instance);

    public static Task<IResult> RedisRateLimiting(HttpContext context, PeerLimiters peers, ClusterConfigCache config, InstanceName instance) =>
        Decide(context, () => peers.RedisRateLimiting, "peer_redis_rate_limiting", config, instance);

    public static Task<IResult> InProcess(HttpContext context, PeerLimiters peers, ClusterConfigCache config, InstanceName instance) =>
        Decide(context, () => peers.InProcess, "peer_sliding_window_rate_limiter", config, instance);

    // The limiter is looked up once the configuration is there: the peers are built from its default tier.
    private static async Task<IResult> Decide(HttpContext context, Func<PartitionedRateLimiter<string>> limiter, string mode, ClusterConfigCache config, InstanceName instance)
    {
        var (client, error) = ClientIdentity.Resolve(context);
        if (error is not null)
        {
            return error.ToResult();
        }

        var snapshot = await config.ForRequest(context);
        using var lease = await limiter().AcquireAsync(client.Value, 1, context.RequestAborted);
        return Results.Json(
            Body(lease.IsAcquired ? "ok" : "rate_limited", client.Name, mode, snapshot.Config.RateLimit, instance),
            statusCode: lease.IsAcquired ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests);
    }

    // As /api/request does, an unregistered key is refused before it reaches a grain: where keys must be registered,
    // no key can otherwise activate grains.
    private static async Task<IResult> Ceiling(HttpContext context, Func<string, Task<Decision>> call, ClusterConfigCache config, SecurityOptions security, InstanceName instance)
    {
        var (client, _, refusal) = await ClientIdentity.ResolveServed(context, config, security);
        if (refusal is not null)
        {
            return refusal;
        }

        var decision = await call(client.Value).WaitAsync(context.RequestAborted);
        return RequestEndpoint.Answer(context, decision, client, 1, instance);
    }

    private static RequestResponse Body(string status, string client, string mode, int limit, InstanceName instance) =>
        new(status, instance.Value, client, mode, limit, 0, 0, "default", "sliding_window", instance.Value, false, false, false, 1, "count", WouldHaveBeenRefused: false);
}
