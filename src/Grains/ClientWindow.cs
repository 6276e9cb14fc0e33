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

    /// <summary>Whether a request of <paramref name="permits"/> would be admitted now, without recording it.</summary>
    public bool WouldAdmit(ConfigSnapshot snapshot, ClientPolicy policy, int permits)
    {
        ClearIfReset(snapshot);
        return policy.Algorithm == RateLimitAlgorithm.TokenBucket
            ? _limiter.WouldAdmit(policy.TokenBucket, permits)
            : _limiter.WouldAdmit(policy.SlidingWindow, permits);
    }

    /// <summary>What the count holds, for the next activation to take over.</summary>
    public CountSnapshot Capture(TimeSpan granularity) => _limiter.Capture(granularity);

    /// <summary>
    /// Takes over a count a previous activation recorded. The journal it came from is current for this generation
    /// (a reset deletes it), so the count is not cleared again for resets it already reflects.
    /// </summary>
    public void Restore(ConfigSnapshot snapshot, ClientPolicy policy, CountSnapshot count)
    {
        _limiter.Restore(count, policy.SlidingWindow, policy.TokenBucket);
        _clearedAtGeneration = snapshot.Config.ResetGenerationFor(client);
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
