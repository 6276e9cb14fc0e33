namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>redis_naive</c> and <c>redis_atomic</c>: a worker on the silo that took the request, for every client. The
/// count lives in Redis, so nothing is gained by an activation per client.
/// </summary>
public interface IRedisLimiterGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo gets its own activations of the same worker.</summary>
    const long Key = 0;

    Task<Decision> Decide(RateLimitMode mode, string client, int permits);
}
