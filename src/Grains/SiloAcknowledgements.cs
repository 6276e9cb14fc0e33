namespace RateLimiterOrleans.Grains;

/// <summary>
/// Which configuration version each silo's cache holds, as reported by its long polls. Lets a change
/// wait until the whole cluster has it. A silo that membership no longer counts as active, or that has not polled
/// for a while, is presumed gone: a killed silo must not hold every change up until it is forgotten.
/// </summary>
internal sealed class SiloAcknowledgements(TimeProvider time, IClusterMembershipService membership)
{
    // A live cache polls at least every long-poll period; three periods of silence means it is gone.
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (long Version, DateTimeOffset At)> _held = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(string silo, long version)
    {
        _held[silo] = (version, time.GetUtcNow());
        var waiting = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting.SetResult();
    }

    /// <summary>
    /// Waits until every live silo holds <paramref name="version"/> or newer, or until <paramref name="bound"/> passes;
    /// returns whether they all do.
    /// </summary>
    public async Task<bool> WaitForAll(long version, TimeSpan bound)
    {
        var deadline = time.GetUtcNow() + bound;
        while (!AllHold(version))
        {
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.WhenAny(_changed.Task, Task.Delay(left, time));
        }

        return true;
    }

    private bool AllHold(long version)
    {
        var now = time.GetUtcNow();
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToHashSet(StringComparer.Ordinal);
        return _held.Where(h => active.Contains(h.Key) && now - h.Value.At < Silence).All(h => h.Value.Version >= version);
    }
}
