namespace RateLimiterOrleans.Grains;

/// <summary>
/// Which configuration version each silo's cache holds, as reported by its long polls. Lets a change
/// wait until the whole cluster has it. Every silo that membership counts as active must have reported the
/// version: one that has not polled (it has just joined, or this grain has just activated) or that stopped polling
/// (its loop is stuck, or it is frozen) may not hold it, so the answer is no until it reports or is declared dead.
/// </summary>
internal sealed class SiloAcknowledgements(TimeProvider time, IClusterMembershipService membership)
{
    private readonly Dictionary<string, long> _held = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(string silo, long version)
    {
        _held[silo] = version;
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

    private bool AllHold(long version) =>
        membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .All(m => _held.TryGetValue(m.SiloAddress.ToParsableString(), out long held) && held >= version);
}
