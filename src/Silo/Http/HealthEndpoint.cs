using Orleans.Runtime;
using StackExchange.Redis;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The health checks. <c>/health/live</c>: the process runs and its silo is an active cluster member, with
/// no dependency checked, so a Redis outage never restarts a silo. <c>/health/ready</c>: it can decide in the
/// mode in force. <c>/health</c>: the seed's combined check (joined, Redis answers, configuration loaded).
/// Each reports every check it rests on, so a 503 says which one failed.
/// </summary>
internal static class HealthEndpoint
{
    private static readonly TimeSpan RedisTimeout = TimeSpan.FromSeconds(1);

    public static IResult Live(IClusterMembershipService membership, ILocalSiloDetails silo, InstanceName instance)
    {
        bool joined = IsJoined(membership, silo);
        return Answer(joined, new LiveResponse(joined ? "live" : "not_live", instance.Value, Joined(joined)));
    }

    public static async Task<IResult> Ready(
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        IConnectionMultiplexer redis,
        ClusterConfigCache config,
        HealthOptions options,
        InstanceName instance)
    {
        bool joined = IsJoined(membership, silo);
        bool redisUp = await Ping(redis);
        var snapshot = config.IsReady ? config.Current.Config : null;
        string configState = Readiness.ConfigState(snapshot, config.Age, options.ConfigStaleAfter);
        bool redisNeeded = snapshot is not null && Readiness.NeedsRedis(snapshot);
        bool ready = joined && configState == Readiness.Loaded && (redisUp || !redisNeeded);
        return Answer(ready, new ReadyResponse(
            ready ? "ready" : "not_ready",
            instance.Value,
            Joined(joined),
            snapshot?.Mode.ToName(),
            redisUp ? "ok" : "unreachable",
            redisNeeded,
            configState,
            AgeSeconds(config)));
    }

    public static async Task<IResult> Combined(
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        IConnectionMultiplexer redis,
        ClusterConfigCache config,
        InstanceName instance)
    {
        bool joined = IsJoined(membership, silo);
        bool redisUp = await Ping(redis);
        bool healthy = joined && redisUp && config.IsReady;
        return Answer(healthy, new HealthResponse(
            healthy ? "healthy" : "unhealthy",
            instance.Value,
            Joined(joined),
            redisUp ? "ok" : "unreachable",
            config.IsReady ? Readiness.Loaded : Readiness.NotLoaded,
            membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active),
            AgeSeconds(config)));
    }

    private static bool IsJoined(IClusterMembershipService membership, ILocalSiloDetails silo) =>
        membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;

    private static string Joined(bool joined) => joined ? "joined" : "not_joined";

    private static double? AgeSeconds(ClusterConfigCache config) => config.Age is { } age ? Math.Round(age.TotalSeconds, 1) : null;

    private static IResult Answer<T>(bool ok, T body) =>
        Results.Json(body, statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);

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
