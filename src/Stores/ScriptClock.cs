using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// Where the Lua scripts read the time. In a deployment it is Redis' own <c>TIME</c>, so silos with skewed clocks
/// still share one window. Tests pin it to a <see cref="TimeProvider"/> they advance by hand, so the scripts can be
/// driven through the same timeline as the in-memory algorithms.
/// </summary>
public sealed class ScriptClock
{
    private readonly TimeProvider? _pinned;

    private ScriptClock(TimeProvider? pinned) => _pinned = pinned;

    /// <summary>Redis' <c>TIME</c>: the scripts receive an empty argument and read the server's clock.</summary>
    public static ScriptClock Redis { get; } = new(null);

    public static ScriptClock PinnedTo(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new ScriptClock(time);
    }

    /// <summary>The script argument for "now" in microseconds since the Unix epoch, or empty for Redis' own clock.</summary>
    public RedisValue Microseconds() =>
        _pinned is null ? RedisValue.EmptyString : (_pinned.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
}
