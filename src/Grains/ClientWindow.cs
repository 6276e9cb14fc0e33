using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// One client's in-memory count, kept in step with the cluster configuration: it follows the client's policy as it
/// changes (<see cref="PolicyLimiter"/>), and clears itself once when a reset generation newer than its own appears.
/// Not thread-safe; the owner serialises calls.
/// </summary>
internal sealed class ClientWindow(string client, TimeProvider time)
{
    private readonly PolicyLimiter _limiter = new(time);
    private long _clearedAtGeneration;

    /// <param name="policy">The policy that applies to the client, which the caller also reports.</param>
    public LimitDecision Decide(ConfigSnapshot snapshot, ClientPolicy policy, int permits = 1)
    {
        ClearIfReset(snapshot);
        return policy.Algorithm == RateLimitAlgorithm.TokenBucket
            ? _limiter.TryAcquire(policy.TokenBucket, permits)
            : _limiter.TryAcquire(policy.SlidingWindow, permits);
    }

    /// <summary>Requests admitted in the current window (sliding window), or tokens used (token bucket).</summary>
    public int CountInWindow(ConfigSnapshot snapshot, ClientPolicy policy)
    {
        ClearIfReset(snapshot);
        return _limiter.UsedWithin(policy.Limits.Window);
    }

    /// <summary>Whether nothing is counted any more: every entry has left the window, or the bucket is full again.</summary>
    public bool IsIdle => _limiter.IsIdle;

    private void ClearIfReset(ConfigSnapshot snapshot)
    {
        long generation = snapshot.Config.ResetGenerationFor(client);
        if (generation > _clearedAtGeneration)
        {
            _limiter.Clear();
            _clearedAtGeneration = generation;
        }
    }
}
