namespace RateLimiterOrleans.Stores;

/// <summary>How long a decision waits for Redis, and when to stop asking it for a while.</summary>
public sealed record RedisStoreOptions
{
    /// <summary>A whole decision gives up after this long, however many round trips it needs.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Consecutive failures that open the circuit.</summary>
    public int FailuresToOpen { get; set; } = 3;

    /// <summary>How long the circuit stays open before one request probes Redis again.</summary>
    public TimeSpan OpenFor { get; set; } = TimeSpan.FromMilliseconds(500);
}
