using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// One client's in-memory count, kept in step with the cluster configuration: it adopts a new limit or
/// window as it arrives, starts afresh when the algorithm changes, and clears itself once when a reset
/// generation newer than its own appears. Not thread-safe; the owner serialises calls.
/// </summary>
internal sealed class ClientWindow(string client, TimeProvider time)
{
    private IRateLimitAlgorithm? _algorithm;
    private ClientPolicy? _policy;
    private long _clearedAtGeneration;

    /// <param name="policy">The client's policy in <paramref name="snapshot"/>, which the caller also reports.</param>
    public LimitDecision Decide(ConfigSnapshot snapshot, ClientPolicy policy) => Prepare(snapshot, policy).TryAcquire();

    /// <summary>Requests admitted in the current window (sliding window), or tokens used (token bucket).</summary>
    public int CountInWindow(ConfigSnapshot snapshot)
    {
        var algorithm = Prepare(snapshot, snapshot.PolicyFor(client));
        return algorithm is SlidingWindowLog log ? log.CountInWindow() : _policy!.Limits.RateLimit - algorithm.Available();
    }

    private IRateLimitAlgorithm Prepare(ConfigSnapshot snapshot, ClientPolicy policy)
    {
        long generation = snapshot.Config.ResetGenerationFor(client);
        if (_algorithm is null || _policy!.Algorithm != policy.Algorithm)
        {
            _algorithm = Create(policy);
            _clearedAtGeneration = generation;
        }
        else if (generation > _clearedAtGeneration)
        {
            _algorithm.Clear();
            _clearedAtGeneration = generation;
        }

        if (!ReferenceEquals(_policy, policy))
        {
            switch (_algorithm)
            {
                case SlidingWindowLog log:
                    log.ChangePolicy(policy.SlidingWindow);
                    break;
                case TokenBucket bucket:
                    bucket.ChangePolicy(policy.TokenBucket);
                    break;
            }

            _policy = policy;
        }

        return _algorithm;
    }

    private IRateLimitAlgorithm Create(ClientPolicy policy) => policy.Algorithm == RateLimitAlgorithm.TokenBucket
        ? new TokenBucket(policy.TokenBucket, time)
        : new SlidingWindowLog(policy.SlidingWindow, time);
}
