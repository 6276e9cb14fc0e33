namespace RateLimiterOrleans.Grains;

/// <summary><c>grain</c>: the client's single activation in the cluster, deciding one request per turn.</summary>
public interface IClientLimiterGrain : IRateLimiterGrain;
