using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// One client's in-memory sliding window, kept in step with the cluster configuration: it adopts a new
/// limit or window as it arrives, and clears itself once when a reset generation newer than its own appears.
/// Not thread-safe; the owner serialises calls.
/// </summary>
internal sealed class ClientWindow(string client, TimeProvider time)
{
    private SlidingWindowLog? _log;
    private long _clearedAtGeneration;

    public LimitDecision Decide(ConfigSnapshot snapshot) => Prepare(snapshot).TryAcquire();

    public int CountInWindow(ConfigSnapshot snapshot) => Prepare(snapshot).CountInWindow();

    private SlidingWindowLog Prepare(ConfigSnapshot snapshot)
    {
        long generation = snapshot.Config.ResetGenerationFor(client);
        if (_log is null)
        {
            _log = new SlidingWindowLog(snapshot.SlidingWindow, time);
            _clearedAtGeneration = generation;
            return _log;
        }

        if (generation > _clearedAtGeneration)
        {
            _log.Clear();
            _clearedAtGeneration = generation;
        }

        if (!ReferenceEquals(_log.Policy, snapshot.SlidingWindow))
        {
            _log.ChangePolicy(snapshot.SlidingWindow);
        }

        return _log;
    }
}
