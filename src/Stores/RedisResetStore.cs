namespace RateLimiterOrleans.Stores;

/// <summary>Forgets one client's Redis state: a fixed set of keys, so O(1) and no <c>KEYS</c> scan.</summary>
public sealed class RedisResetStore(RedisGuard guard)
{
    public Task<long> ResetClientAsync(string client, long generation) =>
        guard.RunAsync(db => db.KeyDeleteAsync(RateLimitKeys.AllFor(client, generation)));
}
