using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/admin/config</c>: the seed's six fields in the seed's order, then the version.</summary>
public sealed record ConfigResponse(
    string Instance,
    string Mode,
    bool UseRedis,
    bool UseLuaScript,
    int RateLimit,
    int WindowSizeSeconds,
    long Version)
{
    public static ConfigResponse From(ClusterConfig config, string instance) =>
        new(instance, config.Mode.ToName(), config.UseRedis, config.UseLuaScript, config.RateLimit, config.WindowSizeSeconds, config.Version);
}
