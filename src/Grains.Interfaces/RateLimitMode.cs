namespace RateLimiterOrleans.Grains;

/// <summary>Where a client's count lives, and therefore how exact the limit is across silos.</summary>
[GenerateSerializer]
public enum RateLimitMode
{
    /// <summary>One count per client per silo: with n silos behind a balancer, about n times the limit.</summary>
    Local,

    /// <summary>One count in the client's single grain activation: exact, with no Redis on the hot path.</summary>
    Grain,

    /// <summary>A Redis sorted set read and written in separate round trips: over-admits under concurrency.</summary>
    RedisNaive,

    /// <summary>A Redis sorted set changed by one Lua script: exact.</summary>
    RedisAtomic,
}
