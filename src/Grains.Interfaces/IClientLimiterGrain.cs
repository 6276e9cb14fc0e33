namespace RateLimiterOrleans.Grains;

/// <summary><c>grain</c>: the client's single activation in the cluster, keyed by the client, deciding one request per turn.</summary>
public interface IClientLimiterGrain : IGrainWithStringKey
{
    /// <summary>Decides one request that costs <paramref name="permits"/>, from 1 to the client's limit.</summary>
    Task<Decision> Decide(int permits);
}
