namespace RateLimiterOrleans.Grains;

/// <summary>
/// How a change turns one configuration into the next, or why it may not. Pure, so the config grain,
/// option validation and tests share one set of rules.
/// </summary>
public static class ConfigRules
{
    public const int MinRateLimit = 1;
    public const int MaxRateLimit = 1_000_000;
    public const int MinWindowSizeSeconds = 1;
    public const int MaxWindowSizeSeconds = 86_400;
    public const int MaxTiers = 100;
    public const int MaxAssignments = 10_000;
    public const int MaxTierNameLength = 64;

    /// <summary>
    /// One-client resets remembered at once. Every one travels in each copy of the configuration, so past
    /// this many within the longest window, a reset of one more client is refused: reset all clients instead.
    /// </summary>
    public const int MaxClientResets = 1_000;

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

        var tierPatch = new TierPatch(patch.RateLimit, patch.WindowSizeSeconds, patch.Algorithm, patch.Shadow);
        if (ResolveLimits(current.DefaultLimits, tierPatch, out var limitsError) is not { } limits)
        {
            return new ConfigChange(current, limitsError);
        }

        if (ResolveFailMode(current, patch, out var failError) is not { } failMode)
        {
            return new ConfigChange(current, failError);
        }

        var next = current with
        {
            Mode = mode,
            RateLimit = limits.RateLimit,
            WindowSizeSeconds = limits.WindowSizeSeconds,
            Algorithm = limits.Algorithm,
            FailMode = failMode,
            Shadow = limits.Shadow,
        };
        return Changed(current, next);
    }

    /// <summary>Creates a tier or changes some of its limits; the tier named <c>default</c> is the top-level one.</summary>
    public static ConfigChange PutTier(ClusterConfig current, string name, TierPatch patch)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(patch);
        if (ValidateTierName(name) is { } nameError)
        {
            return Refuse(current, "tier", nameError);
        }

        if (name == ClusterConfig.DefaultTier)
        {
            return Apply(current, new ConfigPatch(RateLimit: patch.RateLimit, WindowSizeSeconds: patch.WindowSizeSeconds, Algorithm: patch.Algorithm, Shadow: patch.Shadow));
        }

        bool exists = current.Tiers.TryGetValue(name, out var existing);
        if (!exists && (patch.RateLimit is null || patch.WindowSizeSeconds is null))
        {
            return Refuse(current, patch.RateLimit is null ? "rate_limit" : "window_size_seconds", "is required to create a tier");
        }

        if (!exists && current.Tiers.Count >= MaxTiers)
        {
            return Refuse(current, "tier", $"cannot be created: there are already {MaxTiers} tiers", ConfigErrorKind.Conflict);
        }

        var start = existing ?? new TierLimits(patch.RateLimit!.Value, patch.WindowSizeSeconds!.Value, RateLimitAlgorithm.SlidingWindow);
        if (ResolveLimits(start, patch, out var error) is not { } limits)
        {
            return new ConfigChange(current, error);
        }

        return Changed(current, current with { Tiers = current.Tiers.SetItem(name, limits) });
    }

    public static ConfigChange DeleteTier(ClusterConfig current, string name)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (name == ClusterConfig.DefaultTier)
        {
            return Refuse(current, "tier", "'default' is every unassigned client's tier and cannot be deleted");
        }

        if (!current.Tiers.ContainsKey(name))
        {
            return Refuse(current, "tier", $"'{name}' does not exist", ConfigErrorKind.NotFound);
        }

        int assigned = current.Assignments.Values.Count(t => t == name);
        if (assigned > 0)
        {
            return Refuse(current, "tier", $"'{name}' has {assigned} assigned API keys; move them to another tier first", ConfigErrorKind.Conflict);
        }

        return Changed(current, current with { Tiers = current.Tiers.Remove(name) });
    }

    /// <summary>Puts an API key in a tier; assigning it to <c>default</c> removes its assignment.</summary>
    public static ConfigChange Assign(ClusterConfig current, string apiKey, string tier)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (ClientKey.Validate(apiKey) is { } keyError)
        {
            return Refuse(current, "api_key", keyError);
        }

        if (tier == ClusterConfig.DefaultTier)
        {
            return Unassign(current, apiKey);
        }

        if (!current.Tiers.ContainsKey(tier))
        {
            return Refuse(current, "tier", $"'{tier}' does not exist; create it first");
        }

        if (!current.Assignments.ContainsKey(apiKey) && current.Assignments.Count >= MaxAssignments)
        {
            return Refuse(current, "api_key", $"cannot be assigned: {MaxAssignments} keys already are", ConfigErrorKind.Conflict);
        }

        return Changed(current, current with { Assignments = current.Assignments.SetItem(apiKey, tier) });
    }

    public static ConfigChange Unassign(ClusterConfig current, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Changed(current, current with { Assignments = current.Assignments.Remove(apiKey) });
    }

    /// <summary>
    /// Records a reset of one client (a <see cref="ClientId"/> value). A reset only has to outlive the counts
    /// it clears, and those are at most one window old: the longest window any tier has, since the client may
    /// be in any of them. Older resets are forgotten here.
    /// </summary>
    public static ConfigChange ResetClient(ClusterConfig current, string client, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrEmpty(client);
        var longest = current.LongestWindow;
        var stillNeeded = current.ClientResets.RemoveRange(current.ClientResets.Where(r => now - r.Value.At >= longest).Select(r => r.Key));
        if (!stillNeeded.ContainsKey(client) && stillNeeded.Count >= MaxClientResets)
        {
            return Refuse(current, "client", $"cannot be reset alone: {MaxClientResets} clients were reset within the last {longest.TotalSeconds:0} s; reset all clients instead, or wait", ConfigErrorKind.Conflict);
        }

        long generation = current.ResetCounter + 1;
        return new ConfigChange(current with
        {
            Version = current.Version + 1,
            ResetCounter = generation,
            ClientResets = stillNeeded.SetItem(client, new ClientReset(generation, now)),
        }, null);
    }

    public static string? ValidateTierName(string? name) =>
        string.IsNullOrEmpty(name) || name.Length > MaxTierNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"must be 1 to {MaxTierNameLength} letters, digits, '-' or '_'"
            : null;

    private static TierLimits? ResolveLimits(TierLimits current, TierPatch patch, out ConfigError? error)
    {
        error = null;
        int rateLimit = patch.RateLimit ?? current.RateLimit;
        if (rateLimit is < MinRateLimit or > MaxRateLimit)
        {
            error = new ConfigError("rate_limit", $"must be between {MinRateLimit} and {MaxRateLimit}, got {rateLimit}");
            return null;
        }

        int window = patch.WindowSizeSeconds ?? current.WindowSizeSeconds;
        if (window is < MinWindowSizeSeconds or > MaxWindowSizeSeconds)
        {
            error = new ConfigError("window_size_seconds", $"must be between {MinWindowSizeSeconds} and {MaxWindowSizeSeconds}, got {window}");
            return null;
        }

        var algorithm = current.Algorithm;
        if (patch.Algorithm is not null && !RateLimitAlgorithmNames.TryParse(patch.Algorithm, out algorithm))
        {
            error = new ConfigError("algorithm", $"must be one of {string.Join(", ", RateLimitAlgorithmNames.All)}, got '{patch.Algorithm}'");
            return null;
        }

        return new TierLimits(rateLimit, window, algorithm, patch.Shadow ?? current.Shadow);
    }

    // A change that changes nothing keeps the version, so repeating a request is free and idempotent.
    private static ConfigChange Changed(ClusterConfig current, ClusterConfig next)
    {
        bool same = next.Mode == current.Mode
            && next.RateLimit == current.RateLimit
            && next.WindowSizeSeconds == current.WindowSizeSeconds
            && next.Algorithm == current.Algorithm
            && next.FailMode == current.FailMode
            && next.Shadow == current.Shadow
            && next.Tiers.Count == current.Tiers.Count && next.Tiers.All(t => current.Tiers.TryGetValue(t.Key, out var c) && c == t.Value)
            && next.Assignments.Count == current.Assignments.Count && next.Assignments.All(a => current.Assignments.TryGetValue(a.Key, out var c) && c == a.Value);
        return new ConfigChange(same ? current : next with { Version = current.Version + 1 }, null);
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

    // "fail_mode" names the policy directly; the seed's "fail_open" names open (true) or closed (false), and must
    // agree with "fail_mode" when both are sent.
    private static FailMode? ResolveFailMode(ClusterConfig current, ConfigPatch patch, out ConfigError? error)
    {
        error = null;
        if (patch.FailMode is null)
        {
            return patch.FailOpen is { } open ? (open ? FailMode.Open : FailMode.Closed) : current.FailMode;
        }

        if (!FailModeNames.TryParse(patch.FailMode, out var named))
        {
            error = new ConfigError("fail_mode", $"must be one of {string.Join(", ", FailModeNames.All)}, got '{patch.FailMode}'");
            return null;
        }

        if (patch.FailOpen is { } failOpen && failOpen != (named == FailMode.Open))
        {
            error = new ConfigError("fail_open", $"must be {(!failOpen).ToString().ToLowerInvariant()} with fail_mode '{patch.FailMode}'");
            return null;
        }

        return named;
    }

    private static ConfigChange Refuse(ClusterConfig current, string field, string message, ConfigErrorKind kind = ConfigErrorKind.Invalid) =>
        new(current, new ConfigError(field, message, kind));
}
