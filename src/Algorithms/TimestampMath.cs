namespace RateLimiterOrleans.Algorithms;

/// <summary>Conversions between <see cref="TimeSpan"/> and <see cref="TimeProvider"/> timestamps.</summary>
internal static class TimestampMath
{
    // Multiplying a day of TimeSpan ticks (8.64e11) by a 1 GHz timestamp frequency overflows a long,
    // so whole seconds and the sub-second rest are scaled separately; both products stay below 1e17.
    public static long ToTimestampUnits(TimeSpan span, long frequency)
    {
        long seconds = span.Ticks / TimeSpan.TicksPerSecond;
        long rest = span.Ticks % TimeSpan.TicksPerSecond;
        return seconds * frequency + rest * frequency / TimeSpan.TicksPerSecond;
    }

    // Rounds up: a retry-after that is one tick short would send the client back too early.
    public static TimeSpan ToTimeSpan(long units, long frequency)
    {
        long seconds = units / frequency;
        long rest = units % frequency;
        long restTicks = (rest * TimeSpan.TicksPerSecond + frequency - 1) / frequency;
        return TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond + restTicks);
    }
}
