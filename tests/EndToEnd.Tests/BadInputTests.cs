using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>Every malformed input gets a 400 with a JSON body naming the problem, and changes nothing.</summary>
[Collection(StackCollection.Name)]
public sealed class BadInputTests(StackFixture fixture) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { "{\"rate_limit\": ", "application/json", "body" },
        { "not json at all", "application/json", "body" },
        { "[1, 2, 3]", "application/json", "body" },
        { "{\"rate_limit\": \"100\"}", "application/json", "rate_limit" },
        { "{\"rate_limit\": 10.5}", "application/json", "rate_limit" },
        { "{\"rate_limit\": 99999999999}", "application/json", "rate_limit" },
        { "{\"use_redis\": \"yes\"}", "application/json", "use_redis" },
        { "{\"use_lua_script\": 1}", "application/json", "use_lua_script" },
        { "{\"mode\": 3}", "application/json", "mode" },
        { "{\"mode\": \"turbo\"}", "application/json", "mode" },
        { "{\"rate_limit\": 0}", "application/json", "rate_limit" },
        { "{\"rate_limit\": 1000001}", "application/json", "rate_limit" },
        { "{\"window_size_seconds\": 0}", "application/json", "window_size_seconds" },
        { "{\"window_size_seconds\": 86401}", "application/json", "window_size_seconds" },
        { "{\"rate_limit\": 5, \"rate_limit\": 6}", "application/json", "rate_limit" },
        { "{\"ratelimit\": 5}", "application/json", "ratelimit" },
        { "{\"mode\": \"grain\", \"use_redis\": true}", "application/json", "use_redis" },
        { "{\"rate_limit\": 5}", "text/plain", "Content-Type" },
        { "rate_limit=5", "application/x-www-form-urlencoded", "Content-Type" },
        { "{\"mode\": \"" + new string('x', 5000) + "\"}", "application/json", "body" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task A_bad_config_post_gets_400_naming_the_field_and_the_config_is_unchanged(string body, string contentType, string field)
    {
        var before = (await _lab.Get($"{_lab.Api(0)}/admin/config")).Json;

        var reply = await _lab.PostConfig(body, _lab.Nginx, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(field, reply.Field("field"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Field("message")));
        for (int i = 0; i < 3; i++)
        {
            var after = (await _lab.Get($"{_lab.Api(i)}/admin/config")).Json;
            Assert.Equal(before["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
            Assert.Equal(before["mode"]!.ToString(), after["mode"]!.ToString());
            Assert.Equal(before["rate_limit"]!.GetValue<int>(), after["rate_limit"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    public async Task An_invalid_api_key_gets_400_naming_the_header(string key)
    {
        var reply = await _lab.Request(key);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("X-API-Key", reply.Field("field"));
    }

    [Fact]
    public async Task An_api_key_over_256_characters_gets_400()
    {
        var reply = await _lab.Request(new string('k', 257));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("256", reply.Field("message"));
    }

    [Fact]
    public async Task Keys_with_braces_stars_and_colons_are_limited_like_any_other()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 2, "window_size_seconds": 60}""");
        string key = $"{{*}}:{Guid.NewGuid():N}:*";

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++)
        {
            statuses.Add((await _lab.Request(key)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_invalid_client_in_a_reset_gets_400()
    {
        var reply = await _lab.Send(new HttpRequestMessage(HttpMethod.Post, $"{_lab.Nginx}/admin/reset?client=" + new string('k', 300)));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("client", reply.Field("field"));
    }

    [Fact]
    public async Task A_client_cannot_choose_its_address_through_nginx()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}/api/request");
        message.Headers.Add("X-Real-IP", "203.0.113.9");

        var reply = await _lab.Send(message);

        Assert.Equal("127.0.0.1", reply.Field("client"));
    }

    public static TheoryData<string, string, HttpStatusCode, string> RequestsNginxRefuses => new()
    {
        { "GET", "header", HttpStatusCode.BadRequest, "request" },
        { "GET", "uri", HttpStatusCode.RequestUriTooLong, "request" },
        { "POST", "body", HttpStatusCode.RequestEntityTooLarge, "body" },
    };

    [Theory]
    [MemberData(nameof(RequestsNginxRefuses))]
    public async Task What_nginx_refuses_itself_is_answered_in_json_too(string method, string tooLarge, HttpStatusCode status, string field)
    {
        string path = tooLarge == "uri" ? "/api/request?padding=" + new string('u', 20_000) : tooLarge == "body" ? "/admin/config" : "/api/request";
        using var message = new HttpRequestMessage(new HttpMethod(method), $"{_lab.Nginx}{path}");
        if (tooLarge == "header")
        {
            message.Headers.Add("X-Padding", new string('h', 20_000));
        }

        if (tooLarge == "body")
        {
            message.Content = new StringContent(new string(' ', 2_000_000), System.Text.Encoding.UTF8, "application/json");
        }

        var reply = await _lab.Send(message);

        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal(field, reply.Field("field"));
    }

    [Fact]
    public async Task A_method_http_does_not_define_gets_501_in_json_and_adds_no_metric_series()
    {
        using var invented = new HttpRequestMessage(new HttpMethod("RANDOM1"), $"{_lab.Api(0)}/api/request");

        var reply = await _lab.Send(invented);
        string metrics = (await _lab.Get($"{_lab.Api(0)}/metrics")).Text;

        Assert.Equal(HttpStatusCode.NotImplemented, reply.Status);
        Assert.Equal("method", reply.Field("field"));
        Assert.DoesNotContain("RANDOM1", metrics, StringComparison.Ordinal);
        Assert.Contains("method=\"GET\"", metrics, StringComparison.Ordinal);
    }
}
