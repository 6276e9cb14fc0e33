namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// One client's count under whatever policy applies to it at each decision: it adopts a new limit, window or period
/// as the in-memory algorithms do, and when the policy names the other algorithm it starts that one with what was
/// used, so a change of algorithm never hands out a fresh limit. Redis' scripts and naive stores behave the same way,
/// which the conformance tests hold them to. Not thread-safe; the owner serialises calls.
/// </summary>
public sealed class PolicyLimiter(TimeProvider time)
{
    private IRateLimitAlgorithm? _algorithm;

    /// <summary>Whether nothing is counted: no decision yet, every entry has left the window, or the bucket is full again.</summary>
    public bool IsIdle => _algorithm switch
    {
        null => true,
        SlidingWindowLog log => log.Available() >= log.Policy.Limit,
        TokenBucket bucket => bucket.Available() >= bucket.Policy.Capacity,
        _ => false,
    };

    public LimitDecision TryAcquire(SlidingWindowPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Follow(policy.Window, log => log.ChangePolicy(policy), used => new SlidingWindowLog(policy, time, used)).TryAcquire(permits);
    }

    public LimitDecision TryAcquire(TokenBucketPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Follow(policy.RefillPeriod, bucket => bucket.ChangePolicy(policy), used => new TokenBucket(policy, time, used)).TryAcquire(permits);
    }

    /// <summary>What the current algorithm counts as used within <paramref name="window"/>; zero before the first decision.</summary>
    public int UsedWithin(TimeSpan window) => _algorithm?.UsedWithin(window) ?? 0;

    /// <summary>Forgets every admission, as a reset does.</summary>
    public void Clear() => _algorithm?.Clear();

    // The algorithm the policy names, brought up to the policy: the current one if it is of that kind, or a new one
    // that starts with what the current one used within the new window.
    private T Follow<T>(TimeSpan window, Action<T> changePolicy, Func<int, T> create) where T : class, IRateLimitAlgorithm
    {
        if (_algorithm is T current)
        {
            changePolicy(current);
            return current;
        }

        var created = create(_algorithm?.UsedWithin(window) ?? 0);
        _algorithm = created;
        return created;
    }
}
