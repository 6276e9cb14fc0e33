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
}
