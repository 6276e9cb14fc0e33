using System.Net;
using System.Text.Json.Nodes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The endpoints behind the lab page, as a script would call them through nginx.</summary>
[Collection(StackCollection.Name)]
public sealed class ExperimentApiTests(StackFixture fixture)
{
    private readonly LabClient _lab = fixture.Client;

    public static TheoryData<string, string, string, string> BadExperiments => new()
    {
        { "/admin/experiments/burst", "{\"requests\": 10, \"concurrency\": 2}", "application/json", "client" },
        { "/admin/experiments/burst", "{\"client\": \"\", \"requests\": 10, \"concurrency\": 2}", "application/json", "client" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"concurrency\": 2}", "application/json", "requests" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"requests\": 0, \"concurrency\": 2}", "application/json", "requests" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"requests\": 10001, \"concurrency\": 2}", "application/json", "requests" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"requests\": 10, \"concurrency\": 501}", "application/json", "concurrency" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"requests\": 10, \"concurrency\": \"many\"}", "application/json", "concurrency" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"requests\": 10, \"concurrency\": 2, \"mode\": \"grain\"}", "application/json", "mode" },
        { "/admin/experiments/burst", "{\"client\": \"c\", \"requests\": 10,", "application/json", "body" },
        { "/admin/experiments/burst", "client=c", "application/x-www-form-urlencoded", "Content-Type" },
        { "/admin/experiments/compare", "{\"requests\": 2501, \"concurrency\": 10}", "application/json", "requests" },
        { "/admin/experiments/compare", "{\"requests\": 100, \"concurrency\": 0}", "application/json", "concurrency" },
        { "/admin/experiments/compare", "{\"client\": \"" + new string('x', 240) + "\", \"requests\": 100, \"concurrency\": 10}", "application/json", "client" },
        { "/admin/chaos/redis-pause", "{\"seconds\": 0}", "application/json", "seconds" },
        { "/admin/chaos/redis-pause", "{\"seconds\": 31}", "application/json", "seconds" },
        { "/admin/chaos/kill", "{}", "application/json", "silo" },
    };

    [Theory]
    [MemberData(nameof(BadExperiments))]
    public async Task Bad_experiment_input_gets_400_naming_the_field_and_changes_nothing(string path, string body, string contentType, string field)
    {
        var before = (await _lab.Get($"{_lab.Nginx}/admin/config")).Json;

        var reply = await _lab.Post($"{_lab.Nginx}{path}", body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(field, reply.Field("field"));
        Assert.Equal(before["version"]!.GetValue<long>(), (await _lab.Get($"{_lab.Nginx}/admin/config")).Json["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_burst_in_redis_atomic_admits_exactly_the_limit_spread_round_robin_over_the_three_silos()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 20, "window_size_seconds": 60, "algorithm": "sliding_window", "fail_open": false}""");
        string client = $"burst-{Guid.NewGuid():N}";

        var burst = await Burst(client, requests: 90, concurrency: 30);

        Assert.Equal("redis_atomic", burst["mode"]!.ToString());
        Assert.Equal(20, burst["admitted"]!.GetValue<long>());
        Assert.Equal(70, burst["rejected"]!.GetValue<long>() + burst["unavailable"]!.GetValue<long>());
        Assert.Equal(0, burst["errors"]!.GetValue<long>());
        Assert.Equal(20, burst["limit_allows"]!.GetValue<long>());
        Assert.Equal(0, burst["over_admission"]!.GetValue<long>());
        Assert.Equal(0, burst["races"]!.GetValue<long>());
        var byInstance = burst["by_instance"]!.AsObject();
        Assert.Equal(["api-1", "api-2", "api-3"], byInstance.Select(p => p.Key));
        Assert.All(byInstance, p => Assert.Equal(30, p.Value!["admitted"]!.GetValue<long>() + p.Value["rejected"]!.GetValue<long>()));
        var latency = burst["latency_ms"]!;
        Assert.InRange(latency["p50"]!.GetValue<double>(), 0.001, latency["p99"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_burst_in_local_mode_admits_the_limit_on_each_silo()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "local", "rate_limit": 10, "window_size_seconds": 60, "algorithm": "sliding_window"}""");

        var burst = await Burst($"burst-local-{Guid.NewGuid():N}", requests: 60, concurrency: 6);

        Assert.Equal(30, burst["admitted"]!.GetValue<long>());
        Assert.Equal(10, burst["limit_allows"]!.GetValue<long>());
        Assert.Equal(20, burst["over_admission"]!.GetValue<long>());
        Assert.All(burst["by_instance"]!.AsObject(), p => Assert.Equal(10, p.Value!["admitted"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_token_bucket_burst_allows_the_capacity_plus_what_refills_during_it()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 10, "window_size_seconds": 3600, "algorithm": "token_bucket"}""");

        var burst = await Burst($"burst-bucket-{Guid.NewGuid():N}", requests: 30, concurrency: 3);

        // An hour-long refill period gives back a token every 6 minutes: during a burst of seconds, at most one.
        Assert.Equal("token_bucket", burst["algorithm"]!.ToString());
        Assert.Equal(10, burst["admitted"]!.GetValue<long>());
        Assert.InRange(burst["limit_allows"]!.GetValue<long>(), 10, 11);
        Assert.Equal(0, burst["over_admission"]!.GetValue<long>());
    }

    [Fact]
    public async Task Compare_runs_every_mode_and_puts_the_configuration_back_as_it_found_it()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 20, "window_size_seconds": 60, "algorithm": "sliding_window", "fail_open": true}""");
        var before = (await _lab.Get($"{_lab.Nginx}/admin/config")).Json;

        var reply = await _lab.Post($"{_lab.Nginx}/admin/experiments/compare", """{"requests": 120, "concurrency": 12}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Json["results"]!.AsArray();
        Assert.Equal(["local", "grain", "redis_naive", "redis_atomic"], results.Select(r => r!["mode"]!.ToString()));
        Assert.Equal(4, results.Select(r => r!["client"]!.ToString()).Distinct().Count());
        Assert.Equal(60, Result(results, "local")["admitted"]!.GetValue<long>());
        Assert.Equal(20, Result(results, "grain")["admitted"]!.GetValue<long>());
        Assert.Single(Result(results, "grain")["decided_by"]!.AsObject());
        Assert.Equal("grain", reply.Field("restored_mode"));
        for (int i = 0; i < 3; i++)
        {
            var after = (await _lab.Get($"{_lab.Api(i)}/admin/config")).Json;
            foreach (var field in new[] { "mode", "use_redis", "use_lua_script", "rate_limit", "window_size_seconds", "algorithm", "fail_open", "tiers" })
            {
                Assert.Equal(before[field]!.ToJsonString(), after[field]!.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task The_cluster_view_shows_the_three_silos_up_redis_up_and_the_lab_chaos_setting()
    {
        var cluster = (await _lab.Get($"{_lab.Nginx}/admin/cluster")).Json;

        Assert.True(cluster["chaos"]!.GetValue<bool>());
        var silos = cluster["silos"]!.AsArray();
        Assert.Equal(["api-1", "api-2", "api-3"], silos.Select(s => s!["name"]!.ToString()));
        Assert.All(silos, s => Assert.Equal("up", s!["health"]!.ToString()));
        Assert.All(silos, s => Assert.True(s!["uptime_seconds"]!.GetValue<double>() > 0));
        Assert.Equal("up", cluster["redis"]!["status"]!.ToString());
        Assert.True(cluster["redis"]!["keys"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Where_names_the_silo_holding_the_grain_and_the_requests_it_decided_from_every_silo()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 100, "window_size_seconds": 60}""");
        string client = $"where-{Guid.NewGuid():N}";
        var replies = await _lab.Sequentially(client, 6);
        string decidedBy = Assert.Single(replies.Select(r => r.Field("decided_by")).Distinct());

        var where = (await _lab.Get($"{_lab.Nginx}/admin/where?client={client}")).Json;

        Assert.Equal(decidedBy, where["activation"]!.ToString());
        var recent = where["recent"]!.AsArray();
        Assert.Equal(6, recent.Count);
        Assert.All(recent, d => Assert.Equal(decidedBy, d!["decided_by"]!.ToString()));
        Assert.Equal(["api-1", "api-2", "api-3"], recent.Select(d => d!["instance"]!.ToString()).Distinct().Order());
    }

    [Fact]
    public async Task Where_does_not_activate_the_grain_of_a_client_that_never_sent_a_request()
    {
        string client = $"nowhere-{Guid.NewGuid():N}";

        var first = (await _lab.Get($"{_lab.Nginx}/admin/where?client={client}")).Json;
        var second = (await _lab.Get($"{_lab.Nginx}/admin/where?client={client}")).Json;

        Assert.Null(first["activation"]);
        Assert.Null(second["activation"]);
        Assert.Empty(second["recent"]!.AsArray());
    }

    [Theory]
    [InlineData("/admin/where", "client")]
    [InlineData("/admin/where?client=", "client")]
    public async Task Where_without_a_usable_client_gets_400_naming_it(string path, string field)
    {
        var reply = await _lab.Get($"{_lab.Nginx}{path}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(field, reply.Field("field"));
    }

    [Fact]
    public async Task Killing_a_silo_the_cluster_does_not_have_gets_404_naming_the_silo()
    {
        var reply = await _lab.Post($"{_lab.Nginx}/admin/chaos/kill", """{"silo": "api-9"}""");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("silo", reply.Field("field"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_page_is_served_directly_by_each_silo(int silo)
    {
        var page = await _lab.Get($"{_lab.Api(silo)}/lab/");
        var script = await _lab.Get($"{_lab.Api(silo)}/lab/lab.js");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<script type=\"module\" src=\"lab.js\">", page.Text);
        Assert.Equal(HttpStatusCode.OK, script.Status);
        Assert.Equal("text/javascript", script.MediaType);
    }

    [Fact]
    public async Task The_page_is_served_through_nginx_and_its_address_without_the_slash_redirects_to_it()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var bare = await http.GetAsync($"{_lab.Nginx}/lab");
        var page = await _lab.Get($"{_lab.Nginx}/lab/");

        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/lab/", bare.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Compare all modes", page.Text);
    }

    private static JsonNode Result(JsonArray results, string mode) => results.Single(r => r!["mode"]!.ToString() == mode)!;

    private async Task<JsonObject> Burst(string client, int requests, int concurrency)
    {
        var reply = await _lab.Post($"{_lab.Nginx}/admin/experiments/burst", $$"""{"client": "{{client}}", "requests": {{requests}}, "concurrency": {{concurrency}}}""");
        Assert.True(reply.Status == HttpStatusCode.OK, $"burst: {reply.Status} {reply.Text}");
        return reply.Json;
    }
}
