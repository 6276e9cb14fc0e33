using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Lab.Stack;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// The seed's fourth challenge: kill the real redis-server under load and check what every request gets,
/// that in-memory modes stay exact, that no silo exits, and that Redis modes recover on their own.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class RedisOutageTests(FailoverFixture fixture, ITestOutputHelper output) : StackTest(fixture)
{
    // The decision gives up after 100 ms; the rest is HTTP, nginx and a loaded 2-core machine.
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(1);
    private readonly LabClient _lab = fixture.Client;

    public override async Task DisposeAsync() => Assert.True((await fixture.Stack.UpAsync()).Ok);

    [Fact]
    public async Task With_fail_open_every_request_is_answered_within_the_bound_and_allowed_with_a_marker_then_redis_modes_recover()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 1000000, "algorithm": "sliding_window", "fail_open": true}""");
        var pids = SiloPids();

        var outage = await DuringOutage(TimeSpan.FromSeconds(3));
        var recovery = await UntilExactAgain();

        output.WriteLine($"fail-open: {outage.Replies.Count} requests answered during the outage, worst {outage.Worst.TotalMilliseconds:0} ms, "
            + $"{outage.Replies.Count(r => r.FailOpen)} marked fail-open, {outage.Replies.Count(r => r.Status != HttpStatusCode.OK)} not 200; "
            + $"redis_atomic exact again {recovery.TotalSeconds:0.0} s after Redis restarted");
        Assert.NotEmpty(outage.Replies);
        Assert.All(outage.Replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.True(outage.Worst <= AnswerBound, $"The slowest answer took {outage.Worst.TotalMilliseconds:0} ms.");
        Assert.Contains(outage.Replies, r => r.FailOpen);
        Assert.All(outage.Replies.Where(r => r.FailOpen), r => Assert.Equal("redis_unavailable", r.FailOpenHeader));
        Assert.True(recovery < TimeSpan.FromSeconds(10), $"Recovery took {recovery.TotalSeconds:0.0} s.");
        Assert.Equal(pids, SiloPids());
    }

    [Fact]
    public async Task With_fail_closed_requests_get_503_with_retry_after_within_the_bound_then_redis_modes_recover()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 1000000, "algorithm": "sliding_window", "fail_open": false}""");
        var pids = SiloPids();

        var outage = await DuringOutage(TimeSpan.FromSeconds(2));
        var recovery = await UntilExactAgain();

        output.WriteLine($"fail-closed: {outage.Replies.Count} answered, worst {outage.Worst.TotalMilliseconds:0} ms, {outage.Replies.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} were 503; "
            + $"redis_atomic exact again {recovery.TotalSeconds:0.0} s after Redis restarted");
        Assert.True(outage.Worst <= AnswerBound, $"The slowest answer took {outage.Worst.TotalMilliseconds:0} ms.");
        var refused = outage.Replies.Where(r => r.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(outage.Replies, r => Assert.Contains(r.Status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.All(refused, r => Assert.Equal("1", r.RetryAfter));
        Assert.True(recovery < TimeSpan.FromSeconds(10), $"redis_atomic was not exact again within 10 s of Redis' return ({recovery.TotalSeconds:0.0} s).");
        Assert.Equal(pids, SiloPids());
    }

    [Theory]
    [InlineData("grain")]
    [InlineData("local")]
    public async Task In_memory_modes_stay_exact_while_redis_is_down(string mode)
    {
        await _lab.ConfigureEveryInstance($$"""{"mode": "{{mode}}", "rate_limit": 20, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        var pids = SiloPids();
        await fixture.Stack.KillRedisAsync();
        try
        {
            var replies = await Task.WhenAll(Enumerable.Range(0, 90).Select(_ => _lab.Request($"outage-{mode}-client")));
            int expected = mode == "local" ? 60 : 20;
            Assert.Equal(expected, replies.Count(r => r.Status == HttpStatusCode.OK));
            Assert.Equal(90 - expected, replies.Count(r => r.Status == HttpStatusCode.TooManyRequests));
            var health = await _lab.Get($"{_lab.Api(0)}/health");
            Assert.Equal("unreachable", health.Field("redis"));
            Assert.Equal("joined", health.Field("silo"));
        }
        finally
        {
            Assert.True((await fixture.Stack.UpAsync()).Ok);
        }

        Assert.Equal(pids, SiloPids());
    }

    private async Task<Outage> DuringOutage(TimeSpan length)
    {
        var replies = new ConcurrentBag<OutageReply>();
        await fixture.Stack.KillRedisAsync();
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
            {
                for (int i = 0; clock.Elapsed < length; i++)
                {
                    var sent = Stopwatch.StartNew();
                    var reply = await _lab.Request($"outage-{worker}-{i % 5}");
                    replies.Add(new OutageReply(reply.Status, sent.Elapsed, reply.Status == HttpStatusCode.OK && reply.Json["fail_open"]!.GetValue<bool>(),
                        reply.Headers.GetValueOrDefault("X-RateLimit-Fail-Open"), reply.Headers.GetValueOrDefault("Retry-After")));
                }
            })));
        }
        finally
        {
            Assert.True((await fixture.Stack.UpAsync()).Ok);
        }

        return new Outage(replies.ToList(), replies.Max(r => r.Took));
    }

    // After Redis is back, how long until a fresh client is limited exactly again, with no manual step
    // (30 s, the give-up point, when it never was).
    private async Task<TimeSpan> UntilExactAgain()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await _lab.ConfigureEveryInstance("""{"rate_limit": 5}""");
            string client = $"recovered-{Guid.NewGuid():N}";
            var replies = new List<Reply>();
            for (int i = 0; i < 8; i++)
            {
                replies.Add(await _lab.Request(client));
            }

            if (replies.Count(r => r.Status == HttpStatusCode.OK) == 5 && replies.Count(r => r.Status == HttpStatusCode.TooManyRequests) == 3)
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

    private sealed record OutageReply(HttpStatusCode Status, TimeSpan Took, bool FailOpen, string? FailOpenHeader, string? RetryAfter);

    private sealed record Outage(List<OutageReply> Replies, TimeSpan Worst);
}
