using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>Outside <c>./lab up</c> the lab page cannot break anything: its chaos actions do not exist.</summary>
[Collection(FailoverCollection.Name)]
public sealed class ChaosSettingTests(FailoverFixture fixture) : IAsyncLifetime
{
    private readonly LabClient _lab = fixture.Client;

    public Task InitializeAsync() => fixture.BringBackAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/admin/chaos/kill", """{"silo": "api-2"}""")]
    [InlineData("/admin/chaos/redis-pause", """{"seconds": 5}""")]
    public async Task Without_the_chaos_setting_the_chaos_actions_answer_404_naming_the_setting(string path, string body)
    {
        var reply = await _lab.Post($"{_lab.Nginx}{path}", body);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal("RateLimiter:Lab:Chaos", reply.Field("field"));
        var cluster = (await _lab.Get($"{_lab.Nginx}/admin/cluster")).Json;
        Assert.False(cluster["chaos"]!.GetValue<bool>());
        Assert.All(cluster["silos"]!.AsArray(), s => Assert.Equal("up", s!["health"]!.ToString()));
        Assert.Equal("up", cluster["redis"]!["status"]!.ToString());
    }

    [Theory]
    [InlineData("GET", "/admin/cluster")]
    [InlineData("GET", "/admin/where?client=someone")]
    [InlineData("POST", "/admin/experiments/burst")]
    [InlineData("POST", "/admin/experiments/compare")]
    [InlineData("POST", "/admin/chaos/kill")]
    public async Task The_lab_endpoints_need_the_admin_token_like_every_admin_endpoint(string method, string path)
    {
        using var message = new HttpRequestMessage(new HttpMethod(method), $"{_lab.Nginx}{path}");
        message.Headers.Add("X-Admin-Token", "not-the-token");

        var reply = await _lab.Send(message);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("X-Admin-Token", reply.Field("field"));
    }
}
