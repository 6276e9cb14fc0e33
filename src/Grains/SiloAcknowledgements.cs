namespace RateLimiterOrleans.Grains;

/// <summary>
/// Which configuration version each silo's cache holds, as reported by its long polls. Lets a change
/// wait until the whole cluster has it. Every silo that this grain's membership view shows as active must have
/// reported the version: one that has not polled (it has just joined, or this grain has just activated) or that
/// stopped polling (its loop is stuck, or it is frozen) may not hold it, so the answer is no until it reports or is
/// declared dead.
/// </summary>
internal sealed class SiloAcknowledgements(TimeProvider time, IClusterMembershipService membership)
{
    // Membership can declare a silo dead while a wait goes on, and no report marks that moment: the wait looks again
    // this often.
    private static readonly TimeSpan MembershipRecheck = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, long> _held = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Takes a silo's report that it holds <paramref name="reported"/> while the grain holds <paramref name="current"/>.
    /// A report above the grain's own version comes from before the grain went back (its storage was wiped): that
    /// silo holds none of the versions the grain now hands out, until it reports again.
    /// </summary>
    public void Record(string silo, long reported, long current)
    {
        _held[silo] = reported <= current ? reported : 0;
        ForgetGone();
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

            await Task.WhenAny(_changed.Task, Task.Delay(left < MembershipRecheck ? left : MembershipRecheck, time));
        }

        return true;
    }

    private bool AllHold(long version) =>
        membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .All(m => _held.TryGetValue(m.SiloAddress.ToParsableString(), out long held) && held >= version);

    // Each restart of a silo is a new address: the reports of those membership no longer lists, or lists as dead, go.
    private void ForgetGone()
    {
        var members = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status != SiloStatus.Dead)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToHashSet(StringComparer.Ordinal);
        foreach (string gone in _held.Keys.Where(silo => !members.Contains(silo)).ToList())
        {
            _held.Remove(gone);
        }
    }
}
