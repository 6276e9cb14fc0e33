namespace RateLimiterOrleans.Algorithms.Tests;

/// <summary>A clock whose timestamps tick at 1 GHz, like Stopwatch on Linux, driven by a fake clock.</summary>
internal sealed class NanosecondClock(TimeProvider inner) : TimeProvider
{
    public override long TimestampFrequency => 1_000_000_000;

    public override long GetTimestamp() => (inner.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
}
