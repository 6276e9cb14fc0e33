using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Lab.Stack;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// <c>kill -STOP</c> of one silo under load: the process keeps its sockets, so nginx and the other silos
/// see no error, only silence. Every layer's timeout must end the wait, each before the one in front of it.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class FrozenSiloTests(FailoverFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int FrozenSilo = 1;
    private static readonly TimeSpan FrozenFor = TimeSpan.FromSeconds(30);

    // nginx gives up on a silent silo after 4 s (proxy_read_timeout); the margin is for a loaded 2-core machine.
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(5);

    private readonly LabClient _lab = fixture.Client;

    public Task InitializeAsync() => fixture.BringBackAsync();

    public async Task DisposeAsync()
    {
        fixture.Stack.ResumeSilo(FrozenSilo);
        await fixture.BringBackAsync();
    }

    [Fact]
    public async Task A_silo_frozen_for_30_s_under_load_delays_no_answer_beyond_5_s_every_answer_is_json_and_no_log_line_names_a_key()
    {
        // The stack may have just been restored from another test's failure: a change then can answer 503 while the
        // cluster settles, and a user retries it as this does. The freeze below is what is under test.
        await _lab.UntilConfigured("""{"mode": "grain", "rate_limit": 1000000, "window_size_seconds": 60, "algorithm": "sliding_window"}""", TimeSpan.FromSeconds(30));
        var clients = Enumerable.Range(0, 30).Select(i => $"frozen-secret-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, (await _lab.Request(client)).Status);
        }

        int frozenPid = SiloPid(FrozenSilo);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        var samples = new ConcurrentBag<Sample>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int i = worker; !stop.IsCancellationRequested; i++)
            {
                samples.Add(await Send(http, clients[i % clients.Count], clock));
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(2));
        fixture.Stack.FreezeSilo(FrozenSilo);
        var frozenAt = clock.Elapsed;
        var declaredDeadAt = await UntilSurvivorsCountActiveSilos(2, clock, frozenAt + FrozenFor);
        await Task.Delay(frozenAt + FrozenFor - clock.Elapsed is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        fixture.Stack.ResumeSilo(FrozenSilo);
        var resumedAt = clock.Elapsed;
        var exitedAt = await UntilExited(frozenPid, clock, resumedAt + TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await load;

        var afterwards = new List<Reply>();
        foreach (var client in clients)
        {
            afterwards.Add(await _lab.Request(client));
        }

        var all = samples.ToList();
        var worst = all.MaxBy(s => s.Took)!;
        output.WriteLine($"api-2 frozen for {FrozenFor.TotalSeconds:0} s under 8 concurrent workers: {all.Count} requests, slowest {worst.Took.TotalSeconds:0.00} s ({(int)worst.Status}, json: {worst.Json})");
        output.WriteLine($"declared dead by the survivors {Seconds(declaredDeadAt - frozenAt)} after the freeze; resumed api-2 exited {Seconds(exitedAt - resumedAt)} after SIGCONT");
        Report("before the freeze", all.Where(s => s.SentAt < frozenAt));
        Report("frozen, not yet declared dead", all.Where(s => s.SentAt >= frozenAt && s.SentAt < (declaredDeadAt ?? resumedAt)));
        Report("frozen, declared dead", all.Where(s => declaredDeadAt is { } dead && s.SentAt >= dead && s.SentAt < resumedAt));
        Report("after SIGCONT", all.Where(s => s.SentAt >= resumedAt));
        output.WriteLine($"afterwards: {Counts(afterwards.Select(r => r.Status))}");

        Assert.All(all, s => Assert.True(s.Json, $"A {(int)s.Status} answer after {s.Took.TotalSeconds:0.0} s was not JSON: {s.Body}"));
        Assert.True(worst.Took <= AnswerBound, $"The slowest answer took {worst.Took.TotalSeconds:0.0} s.");
        Assert.NotNull(declaredDeadAt);
        Assert.NotNull(exitedAt);
        Assert.All(afterwards, r => Assert.Equal(HttpStatusCode.OK, r.Status));

        string logs = string.Join('\n', Enumerable.Range(0, StackPorts.Silos).Select(i => File.ReadAllText(fixture.Stack.Layout.LogFile(StackNames.Api(i)))));
        Assert.All(clients, client => Assert.DoesNotContain(client, logs, StringComparison.Ordinal));
        Assert.Contains(clients, client => logs.Contains(Digest(client), StringComparison.Ordinal));
    }

    private async Task<Sample> Send(HttpClient http, string client, Stopwatch clock)
    {
        var sentAt = clock.Elapsed;
        var took = Stopwatch.StartNew();
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}/api/request");
        message.Headers.Add("X-API-Key", client);
        try
        {
            using var response = await http.SendAsync(message);
            string body = await response.Content.ReadAsStringAsync();
            return new Sample(sentAt, took.Elapsed, response.StatusCode, IsJson(response, body), body);
        }
        catch (HttpRequestException e)
        {
            return new Sample(sentAt, took.Elapsed, 0, false, e.Message);
        }
    }

    private static bool IsJson(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    // The survivors' own view of the membership: when it drops to two, the frozen silo's grains move.
    private async Task<TimeSpan?> UntilSurvivorsCountActiveSilos(int active, Stopwatch clock, TimeSpan deadline)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < deadline)
        {
            try
            {
                var health = JsonNode.Parse(await http.GetStringAsync($"{_lab.Api(0)}/health"))!;
                if (health["active_silos"]!.GetValue<int>() == active)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Unhealthy (503) or slow: keep asking.
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static async Task<TimeSpan?> UntilExited(int pid, Stopwatch clock, TimeSpan deadline)
    {
        while (clock.Elapsed < deadline)
        {
            if (!PosixProcess.IsAlive(pid))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private int SiloPid(int index) => StackState.Load(fixture.Stack.Layout.StateFile)!.Components[StackNames.Api(index)].Pid;

    private void Report(string phase, IEnumerable<Sample> samples)
    {
        var list = samples.ToList();
        if (list.Count == 0)
        {
            output.WriteLine($"{phase}: no requests");
            return;
        }

        output.WriteLine($"{phase}: {list.Count} requests, {Counts(list.Select(s => s.Status))}, slowest {list.Max(s => s.Took).TotalSeconds:0.00} s, not json {list.Count(s => !s.Json)}");
    }

    private static string Counts(IEnumerable<HttpStatusCode> statuses) =>
        string.Join(", ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));

    private static string Seconds(TimeSpan? span) => span is { } s ? $"{s.TotalSeconds:0.0} s" : "never";

    // The digest logs and traces carry for an API key: SHA-256 of its client id "key:<key>", first 8 bytes in hex.
    private static string Digest(string apiKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"key:{apiKey}")), 0, 8).ToLowerInvariant();

    private sealed record Sample(TimeSpan SentAt, TimeSpan Took, HttpStatusCode Status, bool Json, string Body);
}
