namespace RateLimiterOrleans.Silo.Agents;

/// <summary>The cluster's silos by instance name, as this silo's view of membership has them.</summary>
public sealed class SiloDirectory(IClusterMembershipService membership)
{
    /// <summary>
    /// The newest member of each name, ordered by name: a silo restarted under its old name replaces its dead
    /// predecessor, whose entry stays in the membership table for a while.
    /// </summary>
    public IReadOnlyList<ClusterMember> Latest() =>
        membership.CurrentSnapshot.Members.Values
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .Select(g => g.MaxBy(m => m.SiloAddress.Generation)!)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The silos that are active members, ordered by name.</summary>
    public IReadOnlyList<ClusterMember> Active() => Latest().Where(m => m.Status == SiloStatus.Active).ToList();

    public string? NameOf(SiloAddress address) =>
        membership.CurrentSnapshot.Members.TryGetValue(address, out var member) ? member.Name : null;
}
