namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The sliding-window log: a request is admitted when fewer than <c>limit</c> requests were admitted
/// in the last <c>window</c>. Admitted timestamps live in a ring buffer that grows on demand up to the
/// limit, so memory is bounded by the limit and rejected requests are never stored.
/// </summary>
public sealed class SlidingWindowLog : IRateLimitAlgorithm
{
    private const int InitialCapacity = 16;

    private readonly TimeProvider _time;
    private SlidingWindowPolicy _policy;
    private long _windowUnits;
    private long[] _admitted;
    private int _head;
    private int _count;

    public SlidingWindowLog(SlidingWindowPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _policy = policy;
        // Monotonic timestamps, not wall-clock time: a clock step must not expire or resurrect entries.
        _windowUnits = TimestampMath.ToTimestampUnits(policy.Window, time.TimestampFrequency);
        _admitted = new long[Math.Min(policy.Limit, InitialCapacity)];
    }

    public SlidingWindowPolicy Policy => _policy;

    /// <summary>
    /// Applies a new limit or window and keeps what was admitted. After a lower limit, the surplus
    /// entries simply keep later requests out until they leave the window.
    /// </summary>
    public void ChangePolicy(SlidingWindowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _windowUnits = TimestampMath.ToTimestampUnits(policy.Window, _time.TimestampFrequency);
    }

    public LimitDecision TryAcquire()
    {
        long now = _time.GetTimestamp();
        EvictExpired(now);
        int limit = _policy.Limit;
        if (_count < limit)
        {
            Append(now);
            return LimitDecision.Admit(limit, limit - _count);
        }

        // The request after this one fits once the entry at (count - limit) has left the window;
        // with count == limit that is the oldest entry.
        long freeingEntry = _admitted[(_head + _count - limit) % _admitted.Length];
        long wait = freeingEntry + _windowUnits - now;
        return LimitDecision.Reject(limit, TimestampMath.ToTimeSpan(wait, _time.TimestampFrequency));
    }

    public int Available()
    {
        EvictExpired(_time.GetTimestamp());
        return Math.Max(0, _policy.Limit - _count);
    }

    /// <summary>How many admitted requests are still inside the window.</summary>
    public int CountInWindow()
    {
        EvictExpired(_time.GetTimestamp());
        return _count;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    // An entry admitted at t counts while now - t < window, so it is gone exactly at t + window.
    private void EvictExpired(long now)
    {
        while (_count > 0 && now - _admitted[_head] >= _windowUnits)
        {
            _head = (_head + 1) % _admitted.Length;
            _count--;
        }
    }

    private void Append(long timestamp)
    {
        if (_count == _admitted.Length)
        {
            Grow();
        }

        _admitted[(_head + _count) % _admitted.Length] = timestamp;
        _count++;
    }

    private void Grow()
    {
        int capacity = (int)Math.Min((long)_admitted.Length * 2, Math.Max(_policy.Limit, _admitted.Length + 1));
        var grown = new long[capacity];
        for (int i = 0; i < _count; i++)
        {
            grown[i] = _admitted[(_head + i) % _admitted.Length];
        }

        _admitted = grown;
        _head = 0;
    }
}
