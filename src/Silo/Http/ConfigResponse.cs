using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The body of <c>/admin/config</c>: the seed's six fields in the seed's order, then what this project
/// adds: the default tier's algorithm, the failure policy (the seed's <c>fail_open</c> and
/// <c>fail_mode</c>), the number of tiers, the version, and whether the default tier is in shadow mode.
/// </summary>
public sealed record ConfigResponse(
    string Instance,
    string Mode,
    bool UseRedis,
    bool UseLuaScript,
    int RateLimit,
    int WindowSizeSeconds,
    string Algorithm,
    bool FailOpen,
    string FailMode,
    int Tiers,
    long Version,
    bool Shadow)
{
    public static ConfigResponse From(ClusterConfig config, string instance) =>
        new(instance, config.Mode.ToName(), config.UseRedis, config.UseLuaScript, config.RateLimit, config.WindowSizeSeconds,
            config.Algorithm.ToName(), config.FailOpen, config.FailMode.ToName(), config.Tiers.Count, config.Version, config.Shadow);
}
