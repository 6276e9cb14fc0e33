using System.Collections.Immutable;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>A cluster membership a test sets by hand: each silo with its status, and nothing else.</summary>
internal sealed class TestMembership : IClusterMembershipService
{
    private int _version;

    public TestMembership(params (SiloAddress Silo, SiloStatus Status)[] members) => Set(members);

    public ClusterMembershipSnapshot CurrentSnapshot { get; private set; } = null!;

    public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

    public void Set(params (SiloAddress Silo, SiloStatus Status)[] members) =>
        CurrentSnapshot = new ClusterMembershipSnapshot(
            members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, m.Silo.ToString())),
            new MembershipVersion(++_version));

    public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public Task<bool> TryKill(SiloAddress siloAddress) => throw new NotSupportedException();
}
