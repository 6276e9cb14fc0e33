using Orleans.Runtime;
using StackExchange.Redis;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// <c>GET /health</c>: ready only when this silo is an active member of the cluster, Redis answers,
/// and the cluster configuration has arrived. Each check is reported, so a 503 says which one failed.
/// </summary>
internal static class HealthEndpoint
{
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(1);

    public static async Task<IResult> Handle(
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        IConnectionMultiplexer redis,
        ClusterConfigCache config,
        InstanceName instance)
    {
        bool joined = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;
        bool redisUp = await Ping(redis);
        bool healthy = joined && redisUp && config.IsReady;
        var body = new HealthResponse(
            healthy ? "healthy" : "unhealthy",
            instance.Value,
            joined ? "joined" : "not_joined",
            redisUp ? "ok" : "unreachable",
            config.IsReady ? "loaded" : "not_loaded",
            membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> Ping(IConnectionMultiplexer redis)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(RedisTimeout);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }
}
