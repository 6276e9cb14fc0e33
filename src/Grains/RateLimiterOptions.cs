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

    /// <summary>
    /// How long one Redis command may take before the failure policy decides instead. The Redis client times it from
    /// write to reply, so a decision queued in a busy silo is never counted as a Redis timeout.
    /// </summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Decisions this silo runs at once, in every mode.</summary>
    public int MaxDecisionsInFlight { get; set; } = 128;

    /// <summary>Decisions that may wait for one in flight to finish; beyond these, a request is refused as overloaded (503).</summary>
    public int DecisionQueueLimit { get; set; } = 1024;

    /// <summary>
    /// <c>grain</c> mode: the permits a client's activation reserves in Redis with one write, so Redis is written once
    /// per this many admissions, never per request. After a crash the new activation counts the whole last reservation
    /// as used, so a client can lose up to this many admissions, and never gains any. 0 means a tenth of the client's
    /// limit.
    /// </summary>
    public int GrainReservation { get; set; }

    /// <summary>
    /// How often a <c>grain</c>-mode client grain checks whether its count is empty, to deactivate, and each silo looks
    /// for <c>local</c> clients whose count is empty, to forget them. Zero means once per the window (the client's for a
    /// grain, the default tier's for the silo), within 1 to 60 s. Whatever the period, a count goes only once it is empty.
    /// </summary>
    public TimeSpan IdleCheck { get; set; }

    /// <summary>How long a decision waits for this silo's first copy of the configuration.</summary>
    public TimeSpan ConfigReadyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
