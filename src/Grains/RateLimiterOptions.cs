namespace RateLimiterOrleans.Grains;

/// <summary>
/// Per-silo settings, bound from configuration and validated when the silo starts. The defaults seed
/// the cluster-wide configuration the first time the cluster runs; after that the stored one wins.
/// </summary>
public sealed record RateLimiterOptions
{
    public const string SectionName = "RateLimiter";

    /// <summary>This silo's name in every response, such as <c>api-1</c>.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>A StackExchange.Redis configuration string for counters, and for grain storage unless <see cref="StorageRedis"/> is set.</summary>
    public string Redis { get; set; } = "localhost:6379";

    /// <summary>The Redis that stores the cluster configuration; empty means <see cref="Redis"/>.</summary>
    public string? StorageRedis { get; set; }

    public string DefaultMode { get; set; } = "redis_atomic";

    public int DefaultRateLimit { get; set; } = 100;

    public int DefaultWindowSizeSeconds { get; set; } = 60;

    /// <summary>How long a Redis-mode decision waits for Redis before it fails open or closed.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a decision waits for this silo's first copy of the configuration.</summary>
    public TimeSpan ConfigReadyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
