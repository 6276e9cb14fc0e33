namespace RateLimiterOrleans.Algorithms;

/// <summary>At most <see cref="Limit"/> requests in any <see cref="Window"/>-long interval.</summary>
public sealed record SlidingWindowPolicy
{
    public const int MaxLimit = 1_000_000;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public SlidingWindowPolicy(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        Limit = limit;
        Window = window;
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>
    /// The most one client can be admitted over any <paramref name="span"/>: the limit for each window the
    /// span reaches into, so a span of zero allows one limit and a span of one window allows two.
    /// </summary>
    public long MostAdmittedIn(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        return Limit * (span.Ticks / Window.Ticks + 1);
    }
}
