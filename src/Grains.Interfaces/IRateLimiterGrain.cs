namespace RateLimiterOrleans.Grains;

/// <summary>A client's in-memory limiter, keyed by the client. Each in-memory mode has its own grain type and placement.</summary>
public interface IRateLimiterGrain : IGrainWithStringKey
{
    /// <summary>Decides one request that costs <paramref name="permits"/>, from 1 to the client's limit.</summary>
    Task<Decision> Decide(int permits);
}
