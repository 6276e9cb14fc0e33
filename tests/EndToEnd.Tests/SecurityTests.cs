using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The bypass secret and the admin token, on a stack whose silos have both set.</summary>
[Collection(FailoverCollection.Name)]
public sealed class SecurityTests(FailoverFixture fixture) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;

    [Fact]
    public async Task The_right_bypass_secret_is_unlimited_and_counted_without_being_echoed()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 2, "algorithm": "sliding_window"}""");
        string key = $"bypass-{Guid.NewGuid():N}";
        double before = await BypassCount("granted");

        var replies = new List<Reply>();
        for (int i = 0; i < 9; i++)
        {
            replies.Add(await RequestWithBypass(key, FailoverFixture.BypassToken));
        }

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(replies, r => Assert.True(r.Json["bypassed"]!.GetValue<bool>()));
        Assert.All(replies, r => Assert.DoesNotContain(FailoverFixture.BypassToken, r.Text + string.Join(",", r.Headers.Values)));
        Assert.Equal(9, await BypassCount("granted") - before);
        Assert.Equal(2, (await _lab.Sequentially(key, 4)).Count(r => r.Status == HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task A_wrong_secret_is_limited_like_any_request_and_counted(string secret)
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 2, "algorithm": "sliding_window"}""");
        string key = $"wrong-bypass-{Guid.NewGuid():N}";
        double before = await BypassCount("wrong_secret");

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            statuses.Add((await RequestWithBypass(key, secret)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(4, await BypassCount("wrong_secret") - before);
    }

    [Fact]
    public async Task A_request_without_the_header_is_limited()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 2, "algorithm": "sliding_window"}""");

        var replies = await _lab.Sequentially($"plain-{Guid.NewGuid():N}", 3);

        Assert.Equal(HttpStatusCode.TooManyRequests, replies[2].Status);
    }

    [Theory]
    [InlineData("GET", "/admin/config")]
    [InlineData("GET", "/admin/stats")]
    [InlineData("GET", "/admin/tiers")]
    [InlineData("POST", "/admin/reset")]
    [InlineData("POST", "/admin/config")]
    [InlineData("PUT", "/admin/assignments")]
    public async Task Every_admin_call_without_the_token_gets_401_with_a_json_error(string method, string path)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), $"{_lab.Nginx}{path}");
        message.Headers.Add("X-Admin-Token", "not-the-token");
        if (method != "GET")
        {
            message.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        var reply = await _lab.Send(message);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("unauthorized", reply.Field("error"));
        Assert.Equal("X-Admin-Token", reply.Field("field"));
    }

    [Fact]
    public async Task The_admin_token_is_accepted_in_its_header_or_as_a_bearer_token()
    {
        var withHeader = await _lab.Get($"{_lab.Nginx}/admin/config");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}/admin/config");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FailoverFixture.AdminTokenValue);
        using var http = new HttpClient();

        var withBearer = await http.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.OK, withHeader.Status);
        Assert.Equal(HttpStatusCode.OK, withBearer.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/GrainTypes")]
    public async Task With_an_admin_token_the_dashboard_asks_a_browser_for_it_and_serves_it_with_basic_auth(string path)
    {
        using var http = new HttpClient();

        using var anonymous = await http.GetAsync($"{_lab.Nginx}{path}");
        using var withToken = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}{path}");
        withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"anyone:{FailoverFixture.AdminTokenValue}")));
        using var authorized = await http.SendAsync(withToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(anonymous.Headers.WwwAuthenticate, c => c.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    [Fact]
    public async Task The_dashboards_live_log_stream_is_off_even_with_the_token()
    {
        var reply = await _lab.Get($"{_lab.Nginx}/dashboard/Trace");
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}/dashboard/Trace");
        message.Headers.Add("X-Admin-Token", FailoverFixture.AdminTokenValue);

        var withToken = await _lab.Send(message);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.Status);
    }

    [Fact]
    public async Task The_api_itself_needs_no_admin_token()
    {
        // Without a key the client is the caller's address; earlier tests may have counted it.
        Assert.Equal(HttpStatusCode.OK, (await _lab.Reset("127.0.0.1")).Status);
        using var http = new HttpClient();

        using var reply = await http.GetAsync($"{_lab.Nginx}/api/request");

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", body["status"]!.ToString());
        Assert.Equal("127.0.0.1", body["client"]!.ToString());
    }

    private async Task<Reply> RequestWithBypass(string key, string secret)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}/api/request");
        message.Headers.Add("X-API-Key", key);
        message.Headers.Add("X-RateLimit-Bypass", secret);
        return await _lab.Send(message);
    }

    private async Task<double> BypassCount(string outcome)
    {
        double total = 0;
        for (int i = 0; i < 3; i++)
        {
            var samples = PrometheusText.Parse((await _lab.Get($"{_lab.Api(i)}/metrics")).Text);
            total += samples.Sum("rate_limit_bypass_total", ("outcome", outcome));
        }

        return total;
    }
}
