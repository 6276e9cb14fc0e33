using System.Net;
using RateLimiterOrleans.Lab;
using RateLimiterOrleans.Lab.Bench;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The pieces <c>./lab bench</c> is built from, run briefly against a test stack.</summary>
[Collection(StackCollection.Name)]
public sealed class BenchToolTests(StackFixture fixture) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;
    private readonly string _wrkScript = LabPaths.Discover().WrkScript;

    [Fact]
    public async Task The_baseline_twin_answers_like_the_api_without_deciding()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 1, "algorithm": "sliding_window"}""");

        var replies = new List<Reply>();
        for (int i = 0; i < 3; i++)
        {
            replies.Add(await _lab.Get($"{_lab.Nginx}/api/baseline"));
        }

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(replies, r => Assert.Equal("baseline", r.Field("mode")));
    }

    [Fact]
    public async Task The_grain_call_ceiling_answers_like_the_api_from_one_grain_per_client_that_admits_everything_and_leaves_when_idle()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 1, "window_size_seconds": 5, "algorithm": "sliding_window"}""");
        string key = $"ceiling-{Guid.NewGuid():N}";
        using var http = new HttpClient();
        var grains = new SiloClientGrains(_lab.Ports, http);
        long before = (await grains.ReadAsync(collect: false)).BareGrains;

        var replies = await SixRequests("/api/ceiling/grain-call", key);

        // Past the limit of 1, every request admitted, with the body and headers of a grain-mode decision, from one
        // activation for the client whichever silo nginx sent each request to.
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(replies, r => Assert.Equal((key, "grain", "1"), (r.Field("client"), r.Field("mode"), r.Field("limit"))));
        Assert.All(replies, r => Assert.Equal("\"default\";q=1;w=5", r.Headers["RateLimit-Policy"]));
        Assert.Equal(before + 1, (await grains.ReadAsync(collect: false)).BareGrains);

        // It deactivates once a whole window passes without a call: within two windows, and a margin for a busy machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2 * 5 + 5);
        long active;
        while ((active = (await grains.ReadAsync(collect: false)).BareGrains) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(0, active);
    }

    [Fact]
    public async Task The_worker_call_ceiling_answers_like_the_api_in_redis_atomic_from_the_silo_reached_and_admits_everything()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 1, "window_size_seconds": 5, "algorithm": "sliding_window"}""");
        string key = $"ceiling-{Guid.NewGuid():N}";

        var replies = await SixRequests("/api/ceiling/worker-call", key);

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(replies, r => Assert.Equal((key, "redis_atomic", "1"), (r.Field("client"), r.Field("mode"), r.Field("limit"))));
        Assert.All(replies, r => Assert.Equal(r.Field("instance"), r.Field("decided_by")));
    }

    [Theory]
    [InlineData("/api/peer/redis-rate-limiting", 3)]
    [InlineData("/api/peer/sliding-window-rate-limiter", 9)]
    public async Task The_peers_limit_by_the_default_tier_shared_through_redis_or_per_silo(string path, int admitted)
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 3, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        string key = $"peer-{Guid.NewGuid():N}";

        int ok = 0;
        for (int i = 0; i < 15; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}{path}");
            message.Headers.Add("X-API-Key", key);
            ok += (await _lab.Send(message)).Status == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(admitted, ok);
    }

    [Fact]
    public async Task Wrk_with_the_bench_script_counts_every_request_by_status()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 5, "window_size_seconds": 60, "algorithm": "sliding_window"}""");

        var run = await WrkRun.RunAsync($"{_lab.Nginx}/api/request", TimeSpan.FromSeconds(1), 4, 3, BenchKeys.Rotate, $"wrk-{Guid.NewGuid():N}"[..12], _wrkScript);

        // 3 keys × 5 admitted; a decision that misses its 100 ms deadline on a busy machine fails open, so more is possible.
        Assert.True(run.Requests > 15);
        Assert.Equal(run.Requests, run.Ok + run.Limited + run.Other);
        Assert.InRange(run.Ok, 15, run.Requests - 1);
        Assert.True(run.Limited > 0);
        Assert.True(run.P50Us > 0 && run.P50Us <= run.P99Us && run.P99Us <= run.P999Us);
    }

    [Fact]
    public async Task Redis_benchmark_runs_the_projects_script_by_its_sha()
    {
        var ceiling = await RedisCeiling.RunAsync(_lab.Ports.Redis, 10, 2_000, 10_000_000);

        // RunAsync refuses a run in which Redis failed any EVALSHA; every request ran the script.
        Assert.True(ceiling.ScriptCalls >= 2_000, $"Redis ran the script {ceiling.ScriptCalls} times for 2,000 requests.");
        Assert.True(ceiling.DecisionsPerSecond > 0);
        Assert.Equal(10, ceiling.Clients);
        // The script wrote its keys: ratelimit:{ceiling-<n>}:g0:sliding_window, one per random client.
        var keys = new List<string>();
        await ProcessRunner.RunAsync(Executables.Find("redis-cli"), ["-p", _lab.Ports.Redis.ToString(System.Globalization.CultureInfo.InvariantCulture), "--scan", "--pattern", "ratelimit:{ceiling-*}:g0:sliding_window"], keys.Add, timeout: TimeSpan.FromSeconds(30));
        Assert.True(keys.Count > 100, $"Only {keys.Count} keys written by the script.");
    }

    private async Task<List<Reply>> SixRequests(string path, string key)
    {
        var replies = new List<Reply>();
        for (int i = 0; i < 6; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}{path}");
            message.Headers.Add("X-API-Key", key);
            replies.Add(await _lab.Send(message));
        }

        return replies;
    }
}
