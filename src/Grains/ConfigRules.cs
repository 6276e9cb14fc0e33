namespace RateLimiterOrleans.Grains;

/// <summary>
/// How a patch turns one configuration into the next, or why it may not. Pure, so the config grain,
/// option validation and tests share one set of rules.
/// </summary>
public static class ConfigRules
{
    public const int MinRateLimit = 1;
    public const int MaxRateLimit = 1_000_000;
    public const int MinWindowSizeSeconds = 1;
    public const int MaxWindowSizeSeconds = 86_400;

    /// <summary>The seed's configuration: 100 requests per 60 s, decided by the Lua script.</summary>
    public static readonly ClusterConfig Fallback = ClusterConfig.Initial(RateLimitMode.RedisAtomic, 100, 60);

    public static ConfigChange Apply(ClusterConfig current, ConfigPatch patch)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(patch);

        if (ResolveMode(current, patch, out var error) is not { } mode)
        {
            return new ConfigChange(current, error);
        }

        int rateLimit = patch.RateLimit ?? current.RateLimit;
        if (rateLimit is < MinRateLimit or > MaxRateLimit)
        {
            return Refuse(current, "rate_limit", $"must be between {MinRateLimit} and {MaxRateLimit}, got {rateLimit}");
        }

        int window = patch.WindowSizeSeconds ?? current.WindowSizeSeconds;
        if (window is < MinWindowSizeSeconds or > MaxWindowSizeSeconds)
        {
            return Refuse(current, "window_size_seconds", $"must be between {MinWindowSizeSeconds} and {MaxWindowSizeSeconds}, got {window}");
        }

        if (mode == current.Mode && rateLimit == current.RateLimit && window == current.WindowSizeSeconds)
        {
            return new ConfigChange(current, null);
        }

        var next = current with { Mode = mode, RateLimit = rateLimit, WindowSizeSeconds = window, Version = current.Version + 1 };
        return new ConfigChange(next, null);
    }

    // "mode" names the strategy directly; the seed's flags only change what they name, so
    // {"use_lua_script": false} on redis_atomic means redis_naive. Flags sent beside "mode" must agree with it.
    private static RateLimitMode? ResolveMode(ClusterConfig current, ConfigPatch patch, out ConfigError? error)
    {
        error = null;
        RateLimitMode? fromFlags = patch.UseRedis is null && patch.UseLuaScript is null
            ? null
            : RateLimitModeNames.FromSeedFlags(patch.UseRedis ?? current.UseRedis, patch.UseLuaScript ?? current.UseLuaScript);

        if (patch.Mode is null)
        {
            return fromFlags ?? current.Mode;
        }

        if (!RateLimitModeNames.TryParse(patch.Mode, out var named))
        {
            error = new ConfigError("mode", $"must be one of {string.Join(", ", RateLimitModeNames.All)}, got '{patch.Mode}'");
            return null;
        }

        if (patch.UseRedis is { } useRedis && useRedis != named.UsesRedis())
        {
            error = new ConfigError("use_redis", $"must be {(!useRedis).ToString().ToLowerInvariant()} with mode '{patch.Mode}'");
            return null;
        }

        if (patch.UseLuaScript is { } useLua && useLua != named.UsesLuaScript())
        {
            error = new ConfigError("use_lua_script", $"must be {(!useLua).ToString().ToLowerInvariant()} with mode '{patch.Mode}'");
            return null;
        }

        return named;
    }

    private static ConfigChange Refuse(ClusterConfig current, string field, string message) =>
        new(current, new ConfigError(field, message));
}
