using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>A change is said to be everywhere only when every active silo has reported holding it.</summary>
public sealed class SiloAcknowledgementsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new();
    private readonly SiloAddress _first = Silo(1);
    private readonly SiloAddress _second = Silo(2);

    [Fact]
    public async Task Every_active_silo_holding_the_version_is_everywhere()
    {
        var acknowledgements = BothActive();
        acknowledgements.Record(_first.ToParsableString(), 5);
        acknowledgements.Record(_second.ToParsableString(), 6);

        Assert.True(await acknowledgements.WaitForAll(5, Bound));
    }

    [Fact]
    public async Task An_active_silo_that_never_reported_is_not_presumed_to_hold_it()
    {
        var acknowledgements = BothActive();
        acknowledgements.Record(_first.ToParsableString(), 5);

        Assert.False(await UntilTheBoundPasses(acknowledgements.WaitForAll(5, Bound)));
    }

    [Fact]
    public async Task An_active_silo_that_stopped_reporting_long_ago_still_counts_with_what_it_last_held()
    {
        var acknowledgements = BothActive();
        acknowledgements.Record(_second.ToParsableString(), 4);
        _time.Advance(TimeSpan.FromMinutes(5));
        acknowledgements.Record(_first.ToParsableString(), 5);

        Assert.False(await UntilTheBoundPasses(acknowledgements.WaitForAll(5, Bound)));
    }

    [Fact]
    public async Task A_silo_declared_dead_holds_no_change_up()
    {
        var acknowledgements = new SiloAcknowledgements(_time, new FixedMembership((_first, SiloStatus.Active), (_second, SiloStatus.Dead)));
        acknowledgements.Record(_first.ToParsableString(), 5);
        acknowledgements.Record(_second.ToParsableString(), 4);

        Assert.True(await acknowledgements.WaitForAll(5, Bound));
    }

    [Fact]
    public async Task A_report_arriving_within_the_bound_ends_the_wait_with_yes()
    {
        var acknowledgements = new SiloAcknowledgements(_time, new FixedMembership((_first, SiloStatus.Active)));
        acknowledgements.Record(_first.ToParsableString(), 4);

        var everywhere = acknowledgements.WaitForAll(5, Bound);
        acknowledgements.Record(_first.ToParsableString(), 5);

        Assert.True(await everywhere);
    }

    private SiloAcknowledgements BothActive() => new(_time, new FixedMembership((_first, SiloStatus.Active), (_second, SiloStatus.Active)));

    private async Task<bool> UntilTheBoundPasses(Task<bool> everywhere)
    {
        _time.Advance(Bound);
        return await everywhere;
    }

    private static SiloAddress Silo(int generation) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11_110 + generation), generation);

    private sealed class FixedMembership(params (SiloAddress Silo, SiloStatus Status)[] members) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
            members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, m.Silo.ToString())),
            new MembershipVersion(1));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => throw new NotSupportedException();
    }
}
