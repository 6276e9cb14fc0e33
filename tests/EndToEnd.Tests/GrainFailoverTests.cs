using System.Net;
using RateLimiterOrleans.Lab.Chaos;
using RateLimiterOrleans.Lab.Stack;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// <c>grain</c> mode keeps each client's count when the silo holding it dies or restarts, through nginx on a real
/// stack under the lab's own settings: a limit of 100, 30 clients using 60 each, the failure, then 100 more requests
/// each, of which exactly 40 must be admitted. Before the journal, every client whose grain lived on the lost silo
/// started from zero (840 over the limit after one <c>kill -9</c>).
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class GrainFailoverTests(FailoverFixture fixture, ITestOutputHelper output) : StackTest(fixture), IDisposable
{
    private const int Limit = 100;
    private const int Used = 60;
    private const int Clients = 30;
    private const int KilledSilo = 1;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly FailoverFixture _fixture = fixture;

    private SiloFailures Failures => new(_fixture.Stack, new ClusterMembership(_http, _fixture.Stack.Ports));

    private ClientTraffic Traffic => new(_http, new Uri(_fixture.Client.Nginx));

    public override async Task DisposeAsync() => await Failures.RestoreAsync();

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("sliding_window")]
    [InlineData("token_bucket")]
    public async Task After_kill_9_of_a_silo_every_client_gets_exactly_what_it_had_left(string algorithm)
    {
        var clients = await UseSixtyEach(algorithm, "killed");
        Assert.Contains(clients, c => c.DecidedBy == StackNames.Api(KilledSilo));

        await Failures.KillAsync(KilledSilo);

        await AssertEachGetsExactlyTheRest(clients, $"kill -9 of api-2 ({algorithm})");
    }

    [Theory]
    [InlineData("sliding_window")]
    [InlineData("token_bucket")]
    public async Task Through_a_rolling_restart_of_api_1_api_2_and_api_3_every_client_gets_exactly_what_it_had_left(string algorithm)
    {
        var clients = await UseSixtyEach(algorithm, "rolling");

        await Failures.RollingRestartAsync();

        await AssertEachGetsExactlyTheRest(clients, $"rolling restart ({algorithm})");
    }

    /// <summary>
    /// A frozen silo's activations can outlive it: once the survivors declare it dead, their replacements take the
    /// journal over, and on SIGCONT the frozen silo runs what was queued and answers whoever reaches it until it learns it
    /// is dead. Fencing bounds what its stale activations admit by the unreported part of their reservation (at most
    /// <c>RateLimiter:GrainReservation</c>, 10 here), which the replacements counted as used: no client gets beyond its limit.
    /// </summary>
    [Fact]
    public async Task A_frozen_silo_resumed_after_its_replacement_took_over_admits_at_most_one_reservation_per_client_and_no_client_exceeds_its_limit()
    {
        const int reservation = Limit / 10;
        // 55 used: each activation has spent half of its last block of 10, so a stale one has 5 it may still admit.
        var clients = await UseEach("sliding_window", "frozen", 55);
        var frozenHomes = clients.Where(c => c.DecidedBy == StackNames.Api(KilledSilo)).Select(c => c.Client).ToList();
        Assert.NotEmpty(frozenHomes);
        var names = clients.Select(c => c.Client).ToList();

        // Through nginx for every client, and straight to the frozen silo for the clients it holds, as clients with a
        // connection to it would: those requests wait while it is frozen and meet its stale activations when it resumes.
        // The silo is stopped before the load starts, so every admission it makes during the failure is made by an
        // activation that a replacement may have superseded, not by its live activation before the freeze.
        var frozen = Failures.FreezeAsync(KilledSilo);
        var during = new AdmissionTally();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(
            Traffic.UntilAsync(names, 8, during, stop.Token),
            Traffic.UntilAsync(frozenHomes, 8, during, stop.Token, new Uri(_fixture.Client.Api(KilledSilo))));
        await frozen;
        await stop.CancelAsync();
        await load;

        var after = new AdmissionTally();
        await Traffic.EachAsync(names, Limit, inFlight: 1, after);
        var stale = frozenHomes.Select(c => during.AdmittedBy(c, StackNames.Api(KilledSilo))).ToList();
        var total = names.Select(c => 55 + during.Admitted(c) + after.Admitted(c)).ToList();
        output.WriteLine($"api-2 frozen until declared dead, then resumed until it exited: {frozenHomes.Count} of {Clients} clients lived there; "
            + $"admitted by their stale activations {stale.Sum()} (per client {string.Join(", ", stale)}); "
            + $"admitted per client in all {string.Join(", ", total)}; over the limit {total.Sum(t => Math.Max(0, t - Limit))}, short of it {total.Sum(t => Math.Max(0, Limit - t))}; "
            + $"{during.Requests} requests during the failure, failures {string.Join(", ", during.Failures.Select(f => $"{f.Key}×{f.Value}"))}");
        Assert.All(stale, count => Assert.InRange(count, 0, reservation));
        Assert.All(total, count => Assert.InRange(count, 0, Limit));
    }

    // A day's window for the bucket: it refills one token per 864 s, so none comes back during the test and exactly
    // 40 remain, as in the sliding window of 300 s.
    private Task<List<(string Client, string? DecidedBy)>> UseSixtyEach(string algorithm, string name) => UseEach(algorithm, name, Used);

    private async Task<List<(string Client, string? DecidedBy)>> UseEach(string algorithm, string name, int used)
    {
        int window = algorithm == "token_bucket" ? 86_400 : 300;
        await _fixture.Client.ConfigureEveryInstance($$"""{"mode": "grain", "algorithm": "{{algorithm}}", "rate_limit": {{Limit}}, "window_size_seconds": {{window}}}""");
        await _fixture.Client.UntilNginxReachesEverySilo(TimeSpan.FromSeconds(30));
        var clients = Enumerable.Range(0, Clients).Select(i => $"{name}-{i}-{Guid.NewGuid():N}").ToList();
        var tally = new AdmissionTally();
        await Traffic.EachAsync(clients, used, inFlight: 1, tally);
        Assert.All(clients, client => Assert.Equal(used, tally.Admitted(client)));
        return clients.Select(client => (client, tally.DecidedBy(client))).ToList();
    }

    private async Task AssertEachGetsExactlyTheRest(List<(string Client, string? DecidedBy)> clients, string what)
    {
        var tally = new AdmissionTally();
        await Traffic.EachAsync([.. clients.Select(c => c.Client)], Limit, inFlight: 1, tally);
        var admitted = clients.Select(c => tally.Admitted(c.Client)).ToList();
        output.WriteLine($"after {what}: admitted per client {string.Join(", ", admitted)} (exact: {Limit - Used} each); "
            + $"over the limit {admitted.Sum(a => Math.Max(0, a - (Limit - Used)))}, failures {string.Join(", ", tally.Failures.Select(f => $"{f.Key}×{f.Value}"))}");
        // Exactly 40 each. A request whose answer was lost (a 503 or 504 from a silo still warming up on a loaded
        // machine) may have been counted, so it can stand for one of a client's 40, never add to them.
        Assert.All(clients, c => Assert.InRange(tally.Admitted(c.Client), Limit - Used - tally.Failed(c.Client), Limit - Used));
    }
}
