using System.Collections.Concurrent;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// In-memory counts on this silo, one window per client, each behind its own lock: the <c>local</c> mode's, and,
/// in a second instance, the counts the <c>local</c> failure policy keeps while Redis is unreachable.
/// </summary>
public sealed class LocalClientWindows(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ClientWindow> _windows = new(StringComparer.Ordinal);

    public int Count => _windows.Count;

    internal LimitDecision Decide(string client, ConfigSnapshot snapshot, ClientPolicy policy, int permits)
    {
        var window = _windows.GetOrAdd(client, static (key, clock) => new ClientWindow(key, clock), time);
        lock (window)
        {
            return window.Decide(snapshot, policy, permits);
        }
    }

    /// <summary>Each client this silo counts, with its admitted requests in the current window.</summary>
    public IReadOnlyDictionary<string, int> Counts(ConfigSnapshot snapshot)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (client, window) in _windows)
        {
            lock (window)
            {
                counts[client] = window.CountInWindow(snapshot, snapshot.PolicyFor(client));
            }
        }

        return counts;
    }

    /// <summary>Whether a client's count holds nothing any more, so forgetting it gives nothing away.</summary>
    internal bool IsIdle(string client)
    {
        if (!_windows.TryGetValue(client, out var window))
        {
            return true;
        }

        lock (window)
        {
            return window.IsIdle;
        }
    }

    /// <summary>Drops a client whose limiter grain was deactivated: by then its window has no say.</summary>
    internal void Forget(string client) => _windows.TryRemove(client, out _);

    /// <summary>Drops every client's count.</summary>
    internal void Clear() => _windows.Clear();
}
