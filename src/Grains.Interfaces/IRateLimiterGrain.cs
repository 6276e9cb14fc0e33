namespace RateLimiterOrleans.Grains;

/// <summary>A client's limiter, keyed by the client. Each mode has its own grain type and placement.</summary>
public interface IRateLimiterGrain : IGrainWithStringKey
{
    Task<Decision> Decide();
}
