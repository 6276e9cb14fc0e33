namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The token bucket: each request takes one token; tokens come back continuously. State is O(1): a token
/// level and the time it was last brought up to date.
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

    public TokenBucket(TokenBucketPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _policy = policy;
        _period = TimestampMath.ToTimestampUnits(policy.RefillPeriod, time.TimestampFrequency);
        _level = Full;
        _updatedAt = time.GetTimestamp();
    }

    public TokenBucketPolicy Policy => _policy;

    private Int128 Full => _policy.Capacity * _period;

    /// <summary>Applies a new capacity or period, keeping the tokens the bucket holds (at most the new capacity).</summary>
    public void ChangePolicy(TokenBucketPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Refill(_time.GetTimestamp());
        Int128 tokens = _level / _period;
        _policy = policy;
        _period = TimestampMath.ToTimestampUnits(policy.RefillPeriod, _time.TimestampFrequency);
        _level = Int128.Min(tokens * _period, Full);
    }

    public LimitDecision TryAcquire()
    {
        long now = _time.GetTimestamp();
        Refill(now);
        int capacity = _policy.Capacity;
        if (_level >= _period)
        {
            _level -= _period;
            return LimitDecision.Admit(capacity, (int)(_level / _period));
        }

        // Units missing for one whole token, at `capacity` units per timestamp unit, rounded up.
        Int128 missing = _period - _level;
        long wait = (long)((missing + capacity - 1) / capacity);
        return LimitDecision.Reject(capacity, TimestampMath.ToTimeSpan(wait, _time.TimestampFrequency));
    }

    public int Available()
    {
        Refill(_time.GetTimestamp());
        return (int)(_level / _period);
    }

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
