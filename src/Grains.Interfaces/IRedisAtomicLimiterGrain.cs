namespace RateLimiterOrleans.Grains;

/// <summary><c>redis_atomic</c>: runs on the silo that took the request; Redis serialises the decisions.</summary>
public interface IRedisAtomicLimiterGrain : IRateLimiterGrain;
