namespace RateLimiterOrleans.Grains;

/// <summary>What a silo needs in order to decide, for its readiness check.</summary>
public static class Readiness
{
    public const string NotLoaded = "not_loaded";
    public const string Stale = "stale";
    public const string Loaded = "loaded";

    /// <summary>
    /// Whether deciding needs Redis to answer: only in a Redis mode, and only when a Redis failure refuses the request
    /// (<c>fail_mode: closed</c>). The open and local policies still answer every request, and the in-memory modes
    /// never ask Redis on the hot path.
    /// </summary>
    public static bool NeedsRedis(ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.UseRedis && config.FailMode == FailMode.Closed;
    }

    /// <summary>
    /// A silo's copy of the configuration: <see cref="NotLoaded"/> before the first, <see cref="Stale"/> once it
    /// has gone longer than <paramref name="staleAfter"/> without hearing from the config grain (a change made
    /// meanwhile may not have reached it), else <see cref="Loaded"/>.
    /// </summary>
    public static string ConfigState(ClusterConfig? config, TimeSpan? age, TimeSpan staleAfter) =>
        config is null ? NotLoaded : age > staleAfter ? Stale : Loaded;
}
