namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The token bucket: a request that costs n permits takes n tokens; tokens come back continuously. State is
/// O(1): a token level and the time it was last brought up to date.
/// </summary>
/// <remarks>
/// The level is kept in units of 1 / period: a token is <c>period</c> units and each elapsed timestamp unit
/// adds <c>capacity</c> units, so refill is exact integer arithmetic with no rounding drift. A day-long
/// period at a 1 GHz clock times a million tokens needs 77 bits, hence <see cref="Int128"/>.
/// </remarks>
public sealed class TokenBucket : IRateLimitAlgorithm
{
    private readonly TimeProvider _time;
    private TokenBucketPolicy _policy;
    private Int128 _period;
    private Int128 _level;
    private long _updatedAt;

    /// <param name="alreadyUsed">
    /// Tokens that count as taken right now: what another algorithm had used when the client moved to this one.
    /// </param>
    public TokenBucket(TokenBucketPolicy policy, TimeProvider time, int alreadyUsed = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyUsed);
        _time = time;
        _policy = policy;
        _period = TimestampMath.ToTimestampUnits(policy.RefillPeriod, time.TimestampFrequency);
        _level = Math.Max(0, policy.Capacity - alreadyUsed) * _period;
        _updatedAt = time.GetTimestamp();
    }

    public TokenBucketPolicy Policy => _policy;

    private Int128 Full => _policy.Capacity * _period;

    /// <summary>
    /// Applies a new capacity or period, keeping the whole tokens the bucket holds (at most the new capacity).
    /// The same policy again changes nothing: a partly refilled token is only given up when the policy changes.
    /// </summary>
    public void ChangePolicy(TokenBucketPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy == _policy)
        {
            return;
        }

        Refill(_time.GetTimestamp());
        Int128 tokens = _level / _period;
        _policy = policy;
        _period = TimestampMath.ToTimestampUnits(policy.RefillPeriod, _time.TimestampFrequency);
        _level = Int128.Min(tokens * _period, Full);
    }

    public LimitDecision TryAcquire(int permits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        long now = _time.GetTimestamp();
        Refill(now);
        int capacity = _policy.Capacity;
        int remaining = (int)(_level / _period);
        if (permits > capacity)
        {
            // Never admissible under this capacity: wait at least a whole period, when the policy may have changed.
            return LimitDecision.Reject(capacity, remaining, _policy.RefillPeriod);
        }

        Int128 cost = permits * _period;
        if (_level >= cost)
        {
            _level -= cost;
            return LimitDecision.Admit(capacity, (int)(_level / _period));
        }

        // Units missing for the whole cost, at `capacity` units per timestamp unit, rounded up.
        Int128 missing = cost - _level;
        long wait = (long)((missing + capacity - 1) / capacity);
        return LimitDecision.Reject(capacity, remaining, TimestampMath.ToTimeSpan(wait, _time.TimestampFrequency));
    }

    public int Available()
    {
        Refill(_time.GetTimestamp());
        return (int)(_level / _period);
    }

    public int UsedWithin(TimeSpan window) => _policy.Capacity - Available();

    public void Clear()
    {
        _level = Full;
        _updatedAt = _time.GetTimestamp();
    }

    private void Refill(long now)
    {
        long elapsed = now - _updatedAt;
        if (elapsed > 0)
        {
            _level = Int128.Min(Full, _level + (Int128)elapsed * _policy.Capacity);
            _updatedAt = now;
        }
    }
}
