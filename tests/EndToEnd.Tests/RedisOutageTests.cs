using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Lab.Stack;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// The seed's fourth challenge, with each failure policy: kill the real redis-server under load, and check what every
/// request gets, how much each policy over-admits, that in-memory modes stay exact, that no silo exits, and that the
/// Redis modes are exact again on their own once Redis is back.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class RedisOutageTests(FailoverFixture fixture, ITestOutputHelper output) : StackTest(fixture)
{
    private const int Limit = 20;

    // Twice the lab's Redis deadline (RateLimiter:RedisTimeout, 1 s). A killed Redis refuses connections, so the
    // decisions themselves fail at once; the bound is for HTTP, nginx and a loaded 2-core machine.
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(2);
    private readonly LabClient _lab = fixture.Client;

    public override Task DisposeAsync() => fixture.BringBackAsync();

    [Theory]
    [InlineData("open")]
    [InlineData("closed")]
    [InlineData("local")]
    public async Task Every_request_gets_its_policys_answer_within_the_bound_and_exactness_returns_by_itself(string policy)
    {
        await _lab.ConfigureEveryInstance($$"""{"mode": "redis_atomic", "rate_limit": {{Limit}}, "window_size_seconds": 60, "algorithm": "sliding_window", "fail_mode": "{{policy}}"}""");
        var pids = SiloPids();
        string client = $"outage-{policy}-{Guid.NewGuid():N}";
        // Half the limit is used before the outage, so what the policy admits beyond the other half is over-admission.
        Assert.All(await _lab.Sequentially(client, Limit / 2), r => Assert.Equal(HttpStatusCode.OK, r.Status));

        var outage = await DuringOutage(client, TimeSpan.FromSeconds(3));
        var recovery = await UntilExactAgain();

        int admitted = outage.Count(r => r.Status == HttpStatusCode.OK);
        int overAdmission = Math.Max(0, admitted - Limit / 2);
        output.WriteLine($"fail_mode {policy}: {outage.Count} answered during a 3 s outage, worst {outage.Max(r => r.Took).TotalMilliseconds:0} ms; "
            + $"{admitted} admitted with {Limit / 2} left in Redis' window: over-admission {overAdmission}; "
            + $"statuses {string.Join(", ", outage.GroupBy(r => (int)r.Status).Select(g => $"{g.Key}x{g.Count()}"))}; exact again {recovery.TotalSeconds:0.0} s after Redis restarted");
        Assert.True(outage.Count > 100, $"Only {outage.Count} requests were sent during the outage.");
        Assert.True(outage.Max(r => r.Took) <= AnswerBound, $"The slowest answer took {outage.Max(r => r.Took).TotalMilliseconds:0} ms.");
        switch (policy)
        {
            case "open":
                Assert.All(outage, r => Assert.Equal((HttpStatusCode.OK, true, "redis_unavailable"), (r.Status, r.FailOpen, r.FailOpenHeader)));
                break;
            case "closed":
                Assert.All(outage, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, "unavailable", "1"), (r.Status, r.State, r.RetryAfter)));
                break;
            default:
                // Each silo counts ceil(20 / 3) = 7 on its own: exact per silo, at most 21 through all three.
                Assert.All(outage, r => Assert.Contains(r.Status, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
                Assert.All(outage, r => Assert.Equal("local", r.Fallback));
                Assert.All(outage.Where(r => r.Status == HttpStatusCode.OK).GroupBy(r => r.Instance), silo => Assert.Equal(7, silo.Count()));
                break;
        }

        Assert.True(recovery < TimeSpan.FromSeconds(10), $"Exactness came back only after {recovery.TotalSeconds:0.0} s.");
        Assert.Equal(pids, SiloPids());
    }

    [Theory]
    [InlineData("grain")]
    [InlineData("local")]
    public async Task In_memory_modes_stay_exact_while_redis_is_down(string mode)
    {
        await _lab.ConfigureEveryInstance($$"""{"mode": "{{mode}}", "rate_limit": 20, "window_size_seconds": 60, "algorithm": "sliding_window", "fail_mode": "open"}""");
        var pids = SiloPids();
        await fixture.Stack.KillRedisAsync();
        try
        {
            var replies = await Task.WhenAll(Enumerable.Range(0, 90).Select(_ => _lab.Request($"outage-{mode}-client")));
            int expected = mode == "local" ? 60 : 20;
            Assert.Equal(expected, replies.Count(r => r.Status == HttpStatusCode.OK));
            Assert.Equal(90 - expected, replies.Count(r => r.Status == HttpStatusCode.TooManyRequests));
            var health = await _lab.Get($"{_lab.Api(0)}/health");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "unreachable", "joined"), (health.Status, health.Field("redis"), health.Field("silo")));
            var live = await _lab.Get($"{_lab.Api(0)}/health/live");
            var ready = await _lab.Get($"{_lab.Api(0)}/health/ready");
            Assert.Equal(HttpStatusCode.OK, live.Status);
            Assert.Equal((HttpStatusCode.OK, "unreachable", "false"), (ready.Status, ready.Field("redis"), ready.Field("redis_needed")));
            var status = await fixture.Stack.StatusAsync();
            Assert.All(status.Where(s => s.Name.StartsWith("api-", StringComparison.Ordinal)), s => Assert.True(s.Healthy, $"{s.Name} not ready"));
            Assert.False(status.Single(s => s.Name == StackNames.Redis).Healthy);
        }
        finally
        {
            await fixture.BringBackAsync();
        }

        Assert.Equal(pids, SiloPids());
    }

    [Fact]
    public async Task A_redis_mode_that_fails_closed_is_not_ready_while_redis_is_down_but_stays_live()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 100, "algorithm": "sliding_window", "fail_open": false}""");
        await fixture.Stack.KillRedisAsync();
        try
        {
            var ready = await _lab.Get($"{_lab.Api(0)}/health/ready");
            var live = await _lab.Get($"{_lab.Api(0)}/health/live");

            Assert.Equal((HttpStatusCode.ServiceUnavailable, "true", "loaded"), (ready.Status, ready.Field("redis_needed"), ready.Field("config")));
            Assert.True(ready.Json["config_age_seconds"]!.GetValue<double>() >= 0);
            Assert.Equal(HttpStatusCode.OK, live.Status);
        }
        finally
        {
            await fixture.BringBackAsync();
        }
    }

    [Fact]
    public async Task A_reset_that_redis_fails_answers_503_without_exception_text_and_changes_nothing()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 100, "algorithm": "sliding_window", "fail_open": true}""");
        long before = (await _lab.Get($"{_lab.Api(0)}/admin/config")).Json["version"]!.GetValue<long>();
        Reply reset;
        await fixture.Stack.KillRedisAsync();
        try
        {
            reset = await _lab.Reset($"outage-reset-{Guid.NewGuid():N}");
        }
        finally
        {
            await fixture.BringBackAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reset.Status);
        Assert.Equal(("redis_unavailable", "1"), (reset.Field("error"), reset.Headers.GetValueOrDefault("Retry-After")));
        AssertNoExceptionText(reset);
        for (int i = 0; i < StackPorts.Silos; i++)
        {
            Assert.Equal(before, (await _lab.Get($"{_lab.Api(i)}/admin/config")).Json["version"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task A_configuration_change_while_redis_is_down_answers_503_without_exception_text()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 100, "algorithm": "sliding_window"}""");
        Reply change;
        await fixture.Stack.KillRedisAsync();
        try
        {
            change = await _lab.PostConfig("""{"rate_limit": 99}""", _lab.Nginx);
        }
        finally
        {
            await fixture.BringBackAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, change.Status);
        Assert.Contains(change.Field("error"), new[] { "redis_unavailable", "timeout", "cluster_unavailable" });
        AssertNoExceptionText(change);
    }

    // The Redis endpoint, exception types and stack frames are for the silo's log, not for callers.
    private void AssertNoExceptionText(Reply reply)
    {
        Assert.Equal("application/json", reply.MediaType);
        Assert.DoesNotContain(fixture.Stack.Ports.Redis.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", reply.Text, StringComparison.Ordinal);
    }

    /// <summary>Kills Redis, sends requests from four workers for one client until <paramref name="length"/> passes, then starts Redis again.</summary>
    private async Task<List<OutageReply>> DuringOutage(string client, TimeSpan length)
    {
        var replies = new ConcurrentBag<OutageReply>();
        await fixture.Stack.KillRedisAsync();
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < length)
                {
                    var sent = Stopwatch.StartNew();
                    var reply = await _lab.Request(client);
                    replies.Add(OutageReply.From(reply, sent.Elapsed));
                }
            })));
        }
        finally
        {
            await fixture.BringBackAsync();
        }

        return [.. replies];
    }

    // After Redis is back, how long until a fresh client is limited exactly again, with no manual step
    // (30 s, the give-up point, when it never was).
    private async Task<TimeSpan> UntilExactAgain()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            string client = $"recovered-{Guid.NewGuid():N}";
            var replies = await _lab.Sequentially(client, Limit + 3);
            if (replies.Count(r => r.Status == HttpStatusCode.OK) == Limit && replies.Count(r => r.Status == HttpStatusCode.TooManyRequests) == 3
                && replies.All(r => r.Json["basis"]!.GetValue<string>() == "count"))
            {
                return clock.Elapsed;
            }

            await Task.Delay(200);
        }

        return clock.Elapsed;
    }

    private IReadOnlyList<int> SiloPids() =>
        Enumerable.Range(0, StackPorts.Silos)
            .Select(i => StackState.Load(fixture.Stack.Layout.StateFile)!.Components[StackNames.Api(i)].Pid)
            .Where(PosixProcess.IsAlive)
            .ToList();

    private sealed record OutageReply(HttpStatusCode Status, TimeSpan Took, string State, string Instance, bool FailOpen, string? FailOpenHeader, string? Fallback, string? RetryAfter)
    {
        public static OutageReply From(Reply reply, TimeSpan took) => new(
            reply.Status,
            took,
            reply.Field("status"),
            reply.Field("instance"),
            reply.Json["fail_open"]?.GetValue<bool>() == true,
            reply.Headers.GetValueOrDefault("X-RateLimit-Fail-Open"),
            reply.Headers.GetValueOrDefault("X-RateLimit-Fallback"),
            reply.Headers.GetValueOrDefault("Retry-After"));
    }
}
