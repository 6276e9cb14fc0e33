using System.Collections.Concurrent;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// The <c>local</c> mode's counts on this silo, one window per client. The local limiter grains decide
/// through it, and the stats endpoint reads it, hence the lock per client.
/// </summary>
public sealed class LocalClientWindows(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ClientWindow> _windows = new(StringComparer.Ordinal);

    internal LimitDecision Decide(string client, ConfigSnapshot snapshot, ClientPolicy policy)
    {
        var window = _windows.GetOrAdd(client, static (key, clock) => new ClientWindow(key, clock), time);
        lock (window)
        {
            return window.Decide(snapshot, policy);
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
                counts[client] = window.CountInWindow(snapshot);
            }
        }

        return counts;
    }

    /// <summary>Drops a client whose limiter grain was deactivated: by then its window has no say.</summary>
    internal void Forget(string client) => _windows.TryRemove(client, out _);
}
