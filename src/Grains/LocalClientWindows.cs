using System.Collections.Concurrent;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// In-memory counts on this silo, one window per client, each behind its own lock: the <c>local</c> mode's, and,
/// in a second instance, the counts the <c>local</c> failure policy keeps while Redis is unreachable.
/// </summary>
public sealed class LocalClientWindows(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CountedClient> _clients = new(StringComparer.Ordinal);

    /// <summary>How many clients this silo holds a count for: what its memory cost scales with.</summary>
    public int Count => _clients.Count;

    internal LimitDecision Decide(string client, ConfigSnapshot snapshot, ClientPolicy policy, int permits)
    {
        while (true)
        {
            var counted = _clients.GetOrAdd(client, static (key, clock) => new CountedClient(new ClientWindow(key, clock)), time);
            lock (counted)
            {
                // Forgotten between the lookup and the lock: a count recorded here would be lost, so count in its successor.
                if (!counted.Forgotten)
                {
                    return counted.Window.Decide(snapshot, policy, permits);
                }
            }
        }
    }

    /// <summary>Each client this silo counts, with its admitted requests in the current window.</summary>
    public IReadOnlyDictionary<string, int> Counts(ConfigSnapshot snapshot)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (client, counted) in _clients)
        {
            lock (counted)
            {
                counts[client] = counted.Window.CountInWindow(snapshot, snapshot.PolicyFor(client));
            }
        }

        return counts;
    }

    /// <summary>
    /// Forgets every client whose count holds nothing any more (every entry has left its window, or its bucket is
    /// full again), so forgetting gives nothing away; returns how many were forgotten.
    /// </summary>
    internal int ForgetIdle()
    {
        int forgotten = 0;
        foreach (var entry in _clients)
        {
            lock (entry.Value)
            {
                if (entry.Value.Window.IsIdle && _clients.TryRemove(entry))
                {
                    entry.Value.Forgotten = true;
                    forgotten++;
                }
            }
        }

        return forgotten;
    }

    /// <summary>Drops every client's count.</summary>
    internal void Clear() => _clients.Clear();

    private sealed class CountedClient(ClientWindow window)
    {
        public ClientWindow Window { get; } = window;

        public bool Forgotten { get; set; }
    }
}
