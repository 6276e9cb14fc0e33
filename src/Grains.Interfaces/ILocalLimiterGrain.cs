namespace RateLimiterOrleans.Grains;

/// <summary><c>local</c>: one activation per client on every silo that serves it, counting only what that silo saw.</summary>
public interface ILocalLimiterGrain : IRateLimiterGrain;
