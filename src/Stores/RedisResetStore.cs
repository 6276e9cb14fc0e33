using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>Forgets one client's Redis state: a fixed set of keys, so O(1) and no <c>KEYS</c> scan.</summary>
public sealed class RedisResetStore(IConnectionMultiplexer redis)
{
    public Task<long> ResetClientAsync(string client, long generation) =>
        RedisCall.Run(db => db.KeyDeleteAsync(RateLimitKeys.AllFor(client, generation)), redis);
}
