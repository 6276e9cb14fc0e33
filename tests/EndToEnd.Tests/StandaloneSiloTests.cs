using RateLimiterOrleans.Processes;
using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// Settings that decide whether and how a silo serves at all: each test runs one silo of its own beside the
/// failover stack, on that stack's Redis.
/// </summary>
[Collection(FailoverCollection.Name)]
public sealed class StandaloneSiloTests(FailoverFixture fixture)
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_silo_beyond_loopback_with_an_open_admin_api_refuses_to_start_naming_the_settings_unless_allowed()
    {
        await using var refused = StandaloneSilo.Start(fixture, new Dictionary<string, string>(), listenHost: "0.0.0.0");
        Assert.True(await refused.UntilExited(Startup), "The silo started with an open admin API on every address.");
        Assert.Contains("RATELIMITER_ADMIN_TOKEN", refused.Log, StringComparison.Ordinal);
        Assert.Contains("RATELIMITER_ALLOW_OPEN_ADMIN=true", refused.Log, StringComparison.Ordinal);

        await using var allowed = StandaloneSilo.Start(fixture, new Dictionary<string, string> { ["RATELIMITER_ALLOW_OPEN_ADMIN"] = "true" }, listenHost: "0.0.0.0");
        Assert.True(await allowed.UntilOk("/health/live", Startup), allowed.Log);
    }

    [Fact]
    public async Task With_registered_keys_only_an_unknown_key_gets_401_naming_the_header_also_from_the_bench_ceilings_and_an_assigned_one_is_served()
    {
        await using var silo = StandaloneSilo.Start(fixture, new Dictionary<string, string> { ["RATELIMITER_REQUIRE_REGISTERED_KEYS"] = "true" });
        Assert.True(await silo.UntilOk("/health/ready", Startup), silo.Log);
        string key = $"registered-{Guid.NewGuid():N}";

        var unknown = await silo.Get("/api/request", key);
        // The ceilings call a grain as /api/request does: an unknown key must not reach one either.
        Reply[] unknownAtCeilings = [await silo.Get("/api/ceiling/grain-call", key), await silo.Get("/api/ceiling/worker-call", key)];
        await Put(silo, "/admin/tiers/customers", """{"rate_limit": 100, "window_size_seconds": 60}""");
        await Put(silo, "/admin/assignments", $$"""{"api_key": "{{key}}", "tier": "customers"}""");
        var registered = await silo.Get("/api/request", key);
        var withoutKey = await silo.Get("/api/request");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(("unregistered_api_key", "X-API-Key"), (unknown.Field("error"), unknown.Field("field")));
        Assert.All(unknownAtCeilings, r => Assert.Equal((HttpStatusCode.Unauthorized, "unregistered_api_key"), (r.Status, r.Field("error"))));
        Assert.Equal((HttpStatusCode.OK, "customers"), (registered.Status, registered.Field("tier")));
        Assert.Equal(HttpStatusCode.OK, withoutKey.Status);
    }

    [Fact]
    public async Task Until_its_configuration_arrives_a_silo_is_live_not_ready_and_answers_503_in_json_with_no_gateway_open()
    {
        // Its configuration is stored on a Redis that never answers, so it never arrives.
        int nowhere = FreePort.Take();
        await using var silo = StandaloneSilo.Start(fixture, new Dictionary<string, string> { ["RateLimiter__StorageRedis"] = $"127.0.0.1:{nowhere}" });
        Assert.True(await silo.UntilOk("/health/live", Startup), silo.Log);

        var ready = await silo.Get("/health/ready");
        var config = await silo.Get("/admin/config");
        var stats = await silo.Get("/admin/stats");
        var request = await silo.Get("/api/request", "early-client");
        var ports = await silo.ListeningPorts();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "not_loaded"), (ready.Status, ready.Field("config")));
        Assert.All(new[] { config, stats }, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, "config_not_loaded"), (r.Status, r.Field("error"))));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "timeout", "application/json"), (request.Status, request.Field("error"), request.MediaType));
        Assert.Equal(new[] { new Uri(silo.Url).Port, silo.SiloPort }.Order(), ports);
    }

    private static async Task Put(StandaloneSilo silo, string path, string json)
    {
        var reply = await silo.Send(new HttpRequestMessage(HttpMethod.Put, $"{silo.Url}{path}") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
        Assert.True(reply.Status == HttpStatusCode.OK, $"PUT {path}: {reply.Status} {reply.Text}");
    }
}
