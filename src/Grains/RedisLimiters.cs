using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Both Redis strategies for both algorithms, and the one place a Redis failure becomes a decision value:
/// allowed with a marker when the cluster fails open, refused when it fails closed.
/// </summary>
public sealed class RedisLimiters(
    AtomicSlidingWindowStore atomicSlidingWindow,
    AtomicTokenBucketStore atomicTokenBucket,
    NaiveSlidingWindowStore naiveSlidingWindow,
    NaiveTokenBucketStore naiveTokenBucket,
    DecisionFactory decisions)
{
    public async Task<Decision> Decide(RateLimitMode mode, string client, ConfigSnapshot snapshot)
    {
        var policy = snapshot.PolicyFor(client);
        long generation = snapshot.Config.FullResetGeneration;
        try
        {
            var result = (mode, policy.Algorithm) switch
            {
                (RateLimitMode.RedisAtomic, RateLimitAlgorithm.SlidingWindow) => await atomicSlidingWindow.DecideAsync(client, generation, policy.SlidingWindow),
                (RateLimitMode.RedisAtomic, _) => await atomicTokenBucket.DecideAsync(client, generation, policy.TokenBucket),
                (_, RateLimitAlgorithm.SlidingWindow) => await naiveSlidingWindow.DecideAsync(client, generation, policy.SlidingWindow),
                _ => await naiveTokenBucket.DecideAsync(client, generation, policy.TokenBucket),
            };
            return decisions.Create(result.Decision, mode, policy, result.RaceDetected);
        }
        catch (RedisStoreException)
        {
            return decisions.BackendUnavailable(mode, policy, snapshot.Config.FailOpen);
        }
    }
}
