using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Both Redis strategies for both algorithms, and the one place a Redis failure becomes a decision value under
/// the cluster's failure policy: allowed and marked (open), refused (closed), or counted by this silo (local).
/// The policy is for Redis being unreachable (refused, lost, or the circuit open). A command that times out on a
/// live connection only says Redis is slow: its answer is unknown, so it is an overload answer, neither an
/// admission nor a count, until enough timeouts in a row open the circuit.
/// </summary>
public sealed class RedisLimiters(
    AtomicSlidingWindowStore atomicSlidingWindow,
    AtomicTokenBucketStore atomicTokenBucket,
    NaiveSlidingWindowStore naiveSlidingWindow,
    NaiveTokenBucketStore naiveTokenBucket,
    RedisOutageFallback fallback,
    RedisOutageLog outage,
    DecisionFactory decisions)
{
    public async Task<Decision> Decide(RateLimitMode mode, string client, ConfigSnapshot snapshot, int permits)
    {
        var policy = snapshot.PolicyFor(client);
        long generation = snapshot.Config.FullResetGeneration;
        try
        {
            var result = (mode, policy.Algorithm) switch
            {
                (RateLimitMode.RedisAtomic, RateLimitAlgorithm.SlidingWindow) => await atomicSlidingWindow.DecideAsync(client, generation, policy.SlidingWindow, permits),
                (RateLimitMode.RedisAtomic, _) => await atomicTokenBucket.DecideAsync(client, generation, policy.TokenBucket, permits),
                (_, RateLimitAlgorithm.SlidingWindow) => await naiveSlidingWindow.DecideAsync(client, generation, policy.SlidingWindow, permits),
                _ => await naiveTokenBucket.DecideAsync(client, generation, policy.TokenBucket, permits),
            };
            if (outage.Succeeded())
            {
                fallback.RedisRecovered();
            }

            return decisions.Create(result.Decision, mode, policy, result.RaceDetected);
        }
        catch (RedisStoreException e) when (e.Failure == RedisFailure.TimedOut)
        {
            return decisions.Uncounted(mode, policy, DecisionBasis.Overloaded);
        }
        catch (RedisStoreException e)
        {
            var failMode = snapshot.Config.FailMode;
            outage.Failed(mode, e.Failure, failMode);
            return failMode switch
            {
                FailMode.Local => fallback.Decide(mode, client, snapshot, policy, permits),
                FailMode.Closed => decisions.Uncounted(mode, policy, DecisionBasis.FailedClosed),
                _ => decisions.Uncounted(mode, policy, DecisionBasis.FailedOpen),
            };
        }
    }
}
