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
        return Follow(policy).TryAcquire(permits);
    }

    public LimitDecision TryAcquire(TokenBucketPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Follow(policy).TryAcquire(permits);
    }

    /// <summary>Whether a request of <paramref name="permits"/> would be admitted now, without recording it.</summary>
    public bool WouldAdmit(SlidingWindowPolicy policy, int permits)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return permits <= policy.Limit && Follow(policy).Available() >= permits;
    }

    /// <inheritdoc cref="WouldAdmit(SlidingWindowPolicy, int)"/>
    public bool WouldAdmit(TokenBucketPolicy policy, int permits)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return permits <= policy.Capacity && Follow(policy).Available() >= permits;
    }

    /// <summary>What this count holds, for another activation to take over; sliding-window ages are rounded down to <paramref name="granularity"/>.</summary>
    public CountSnapshot Capture(TimeSpan granularity) => _algorithm switch
    {
        SlidingWindowLog log => new CountSnapshot(false, log.Admissions(granularity), 0),
        TokenBucket bucket => new CountSnapshot(true, [], bucket.Policy.Capacity - bucket.Available()),
        _ => CountSnapshot.Empty,
    };

    /// <summary>
    /// Takes over a count another activation captured, under the current limits of the snapshot's algorithm; the next
    /// decision moves it to the algorithm its policy names, if that differs.
    /// </summary>
    public void Restore(CountSnapshot snapshot, SlidingWindowPolicy slidingWindow, TokenBucketPolicy tokenBucket)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.IsTokenBucket)
        {
            _algorithm = new TokenBucket(tokenBucket, time, snapshot.TokensUsed);
            return;
        }

        var log = new SlidingWindowLog(slidingWindow, time);
        log.Restore(snapshot.Admissions);
        _algorithm = log;
    }

    /// <summary>What the current algorithm counts as used within <paramref name="window"/>; zero before the first decision.</summary>
    public int UsedWithin(TimeSpan window) => _algorithm?.UsedWithin(window) ?? 0;

    /// <summary>Forgets every admission, as a reset does.</summary>
    public void Clear() => _algorithm?.Clear();

    private SlidingWindowLog Follow(SlidingWindowPolicy policy) =>
        Follow(policy.Window, log => log.ChangePolicy(policy), used => new SlidingWindowLog(policy, time, used));

    private TokenBucket Follow(TokenBucketPolicy policy) =>
        Follow(policy.RefillPeriod, bucket => bucket.ChangePolicy(policy), used => new TokenBucket(policy, time, used));

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
