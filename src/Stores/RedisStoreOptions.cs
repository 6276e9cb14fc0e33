namespace RateLimiterOrleans.Stores;

/// <summary>How long one Redis command may take, and when to stop asking Redis for a while.</summary>
public sealed record RedisStoreOptions
{
    /// <summary>
    /// How long one command may wait for Redis' answer, timed by the Redis client from the moment the command is
    /// written to the moment its reply is read. Time the decision spent queued in the silo before or after does not
    /// count, so a busy silo is never mistaken for a slow Redis.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive connection failures or timeouts that open the circuit.</summary>
    public int FailuresToOpen { get; set; } = 3;

    /// <summary>How long the circuit stays open before one request probes Redis again.</summary>
    public TimeSpan OpenFor { get; set; } = TimeSpan.FromMilliseconds(500);
}
