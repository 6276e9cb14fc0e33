using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// A worker that decides nothing: called as the Redis modes call <see cref="IRedisLimiterGrain"/>, on the silo that
/// took the request, so <c>./lab bench</c> can measure what that call costs without the script behind it.
/// </summary>
public interface IBareWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo gets its own activations of the same worker.</summary>
    const long Key = 0;

    /// <summary>Admits every request, with the answer a <c>redis_atomic</c> decision gives.</summary>
    Task<Decision> Decide(string client, int permits);
}
