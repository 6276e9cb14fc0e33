namespace RateLimiterOrleans.Grains;

/// <summary><c>redis_naive</c>: runs on the silo that took the request, concurrently with every other silo.</summary>
public interface IRedisNaiveLimiterGrain : IRateLimiterGrain;
