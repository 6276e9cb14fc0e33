namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The sliding-window log: a request that costs n permits is admitted when at most <c>limit - n</c> permits were
/// admitted in the last <c>window</c>. Admitted timestamps live in a ring buffer that grows on demand up to the
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

    /// <param name="alreadyUsed">
    /// Permits that count as admitted right now: what another algorithm had used when the client moved to this one.
    /// </param>
    public SlidingWindowLog(SlidingWindowPolicy policy, TimeProvider time, int alreadyUsed = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyUsed);
        _time = time;
        _policy = policy;
        // Monotonic timestamps, not wall-clock time: a clock step must not expire or resurrect entries.
        _windowUnits = TimestampMath.ToTimestampUnits(policy.Window, time.TimestampFrequency);
        _admitted = new long[Math.Min(policy.Limit, InitialCapacity)];
        // Entries beyond the limit would only keep the log full for the same window, so they are not stored.
        Append(time.GetTimestamp(), Math.Min(alreadyUsed, policy.Limit));
    }

    public SlidingWindowPolicy Policy => _policy;

    /// <summary>
    /// Applies a new limit or window and keeps what was admitted. After a lower limit, the surplus entries simply
    /// keep later requests out until they leave the window; after a longer window, entries stay in it for longer.
    /// </summary>
    public void ChangePolicy(SlidingWindowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _windowUnits = TimestampMath.ToTimestampUnits(policy.Window, _time.TimestampFrequency);
    }

    public LimitDecision TryAcquire(int permits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        long now = _time.GetTimestamp();
        EvictExpired(now);
        int limit = _policy.Limit;
        if (permits > limit)
        {
            // Never admissible under this limit: wait at least a whole window, when the limit may have changed.
            return LimitDecision.Reject(limit, Math.Max(0, limit - _count), _policy.Window);
        }

        if (_count + permits <= limit)
        {
            Append(now, permits);
            return LimitDecision.Admit(limit, limit - _count);
        }

        // The request fits once the oldest (count + permits - limit) entries have left the window: the last of
        // them, at that offset from the oldest, decides the wait.
        long freeingEntry = _admitted[(_head + _count + permits - limit - 1) % _admitted.Length];
        long wait = freeingEntry + _windowUnits - now;
        return LimitDecision.Reject(limit, Math.Max(0, limit - _count), TimestampMath.ToTimeSpan(wait, _time.TimestampFrequency));
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

    /// <remarks>
    /// Counts the entries still held, without first dropping those that left this log's own window since its last
    /// decision: entries leave only when a decision looks, as they leave the Redis set only when a script runs, so
    /// the in-memory and Redis implementations hand over the same count.
    /// </remarks>
    public int UsedWithin(TimeSpan window)
    {
        long now = _time.GetTimestamp();
        long units = TimestampMath.ToTimestampUnits(window, _time.TimestampFrequency);
        int used = 0;
        for (int i = _count - 1; i >= 0 && now - _admitted[(_head + i) % _admitted.Length] < units; i--)
        {
            used++;
        }

        return used;
    }

    /// <summary>
    /// The admissions still held, oldest first, each age rounded down to a multiple of <paramref name="granularity"/>
    /// and grouped: at most one group per granule, and rounding down only makes an admission look more recent, so a
    /// count restored from them never admits more than this one would.
    /// </summary>
    public IReadOnlyList<AdmissionGroup> Admissions(TimeSpan granularity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(granularity, TimeSpan.Zero);
        long now = _time.GetTimestamp();
        EvictExpired(now);
        var groups = new List<AdmissionGroup>();
        for (int i = 0; i < _count; i++)
        {
            var age = TimestampMath.ToTimeSpan(now - _admitted[(_head + i) % _admitted.Length], _time.TimestampFrequency);
            var rounded = TimeSpan.FromTicks(age.Ticks - age.Ticks % granularity.Ticks);
            if (groups.Count > 0 && groups[^1].Age == rounded)
            {
                groups[^1] = groups[^1] with { Count = groups[^1].Count + 1 };
            }
            else
            {
                groups.Add(new AdmissionGroup(rounded, 1));
            }
        }

        return groups;
    }

    /// <summary>Adds admissions made elsewhere, oldest first, as <see cref="Admissions"/> gave them, after those already held.</summary>
    public void Restore(IEnumerable<AdmissionGroup> admissions)
    {
        ArgumentNullException.ThrowIfNull(admissions);
        long now = _time.GetTimestamp();
        foreach (var group in admissions)
        {
            Append(now - TimestampMath.ToTimestampUnits(group.Age, _time.TimestampFrequency), group.Count);
        }
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

    private void Append(long timestamp, int permits)
    {
        for (int i = 0; i < permits; i++)
        {
            if (_count == _admitted.Length)
            {
                Grow();
            }

            _admitted[(_head + _count) % _admitted.Length] = timestamp;
            _count++;
        }
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
