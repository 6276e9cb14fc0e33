namespace RateLimiterOrleans.Grains;

/// <summary>The wire names of <see cref="RateLimitMode"/> (<c>local</c>, <c>grain</c>, <c>redis_naive</c>, <c>redis_atomic</c>).</summary>
public static class RateLimitModeNames
{
    public static readonly IReadOnlyList<string> All = ["local", "grain", "redis_naive", "redis_atomic"];

    public static string ToName(this RateLimitMode mode) => mode switch
    {
        RateLimitMode.Local => "local",
        RateLimitMode.Grain => "grain",
        RateLimitMode.RedisNaive => "redis_naive",
        RateLimitMode.RedisAtomic => "redis_atomic",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mode."),
    };

    public static bool TryParse(string? name, out RateLimitMode mode)
    {
        RateLimitMode? parsed = name switch
        {
            "local" => RateLimitMode.Local,
            "grain" => RateLimitMode.Grain,
            "redis_naive" => RateLimitMode.RedisNaive,
            "redis_atomic" => RateLimitMode.RedisAtomic,
            _ => null,
        };
        mode = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>The seed's flags: <c>use_redis</c> is false only for the in-memory modes.</summary>
    public static bool UsesRedis(this RateLimitMode mode) => mode is RateLimitMode.RedisNaive or RateLimitMode.RedisAtomic;

    public static bool UsesLuaScript(this RateLimitMode mode) => mode is RateLimitMode.RedisAtomic;

    /// <summary>The seed's mapping from its two flags onto a mode.</summary>
    public static RateLimitMode FromSeedFlags(bool useRedis, bool useLuaScript) =>
        !useRedis ? RateLimitMode.Local : useLuaScript ? RateLimitMode.RedisAtomic : RateLimitMode.RedisNaive;
}
