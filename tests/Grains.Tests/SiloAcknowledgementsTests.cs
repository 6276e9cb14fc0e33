using System.Net;
using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>A change is said to be everywhere only when every active silo has reported holding it.</summary>
public sealed class SiloAcknowledgementsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private const long GrainVersion = 10;

    private readonly FakeTimeProvider _time = new();
    private readonly SiloAddress _first = Silo(1);
    private readonly SiloAddress _second = Silo(2);
    private readonly TestMembership _membership;
    private readonly SiloAcknowledgements _acknowledgements;

    public SiloAcknowledgementsTests()
    {
        _membership = new TestMembership((_first, SiloStatus.Active), (_second, SiloStatus.Active));
        _acknowledgements = new SiloAcknowledgements(_time, _membership);
    }

    [Fact]
    public async Task Every_active_silo_holding_the_version_is_everywhere()
    {
        Report(_first, 5);
        Report(_second, 6);

        Assert.True(await _acknowledgements.WaitForAll(5, Bound));
    }

    [Fact]
    public async Task An_active_silo_that_never_reported_is_not_presumed_to_hold_it()
    {
        Report(_first, 5);

        Assert.False(await UntilTheBoundPasses(_acknowledgements.WaitForAll(5, Bound)));
    }

    [Fact]
    public async Task An_active_silo_that_stopped_reporting_long_ago_still_counts_with_what_it_last_held()
    {
        Report(_second, 4);
        _time.Advance(TimeSpan.FromMinutes(5));
        Report(_first, 5);

        Assert.False(await UntilTheBoundPasses(_acknowledgements.WaitForAll(5, Bound)));
    }

    [Fact]
    public async Task A_silo_declared_dead_holds_no_change_up()
    {
        _membership.Set((_first, SiloStatus.Active), (_second, SiloStatus.Dead));
        Report(_first, 5);
        Report(_second, 4);

        Assert.True(await _acknowledgements.WaitForAll(5, Bound));
    }

    [Fact]
    public async Task A_silo_declared_dead_during_the_wait_ends_it_with_yes_without_any_report()
    {
        Report(_first, 5);
        var everywhere = _acknowledgements.WaitForAll(5, Bound);

        _membership.Set((_first, SiloStatus.Active), (_second, SiloStatus.Dead));
        _time.Advance(Bound / 2);

        // Before the bound on the test's clock; the real-time limit only keeps a wrong wait from hanging the run.
        Assert.True(await everywhere.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_report_arriving_within_the_bound_ends_the_wait_with_yes()
    {
        Report(_first, 4);
        Report(_second, 5);
        var everywhere = _acknowledgements.WaitForAll(5, Bound);

        Report(_first, 5);

        Assert.True(await everywhere);
    }

    [Fact]
    public async Task A_silo_reporting_a_version_above_the_grains_own_holds_none_of_the_grains_versions()
    {
        // The grain went back to v2 (its storage was wiped) while the silos still held v7 of the old copy.
        _acknowledgements.Record(_first.ToParsableString(), reported: 7, current: 2);
        _acknowledgements.Record(_second.ToParsableString(), reported: 2, current: 2);

        Assert.False(await UntilTheBoundPasses(_acknowledgements.WaitForAll(2, Bound)));
    }

    private void Report(SiloAddress silo, long version) => _acknowledgements.Record(silo.ToParsableString(), version, GrainVersion);

    private async Task<bool> UntilTheBoundPasses(Task<bool> everywhere)
    {
        _time.Advance(Bound);
        return await everywhere;
    }

    private static SiloAddress Silo(int generation) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11_110 + generation), generation);
}
