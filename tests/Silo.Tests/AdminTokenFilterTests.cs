using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Tests;

/// <summary>The admin token filter on a real endpoint, served in memory by TestServer.</summary>
public sealed class AdminTokenFilterTests
{
    private const string Token = "s3cret-token";

    [Fact]
    public async Task Without_a_configured_token_admin_calls_need_none()
    {
        using var host = await Serve(adminToken: null);

        var reply = await host.GetTestClient().GetAsync("/admin/config");

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("admitted", await reply.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_is_accepted_in_its_header()
    {
        using var host = await Serve(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/config");
        request.Headers.Add("X-Admin-Token", Token);

        var reply = await host.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    [Fact]
    public async Task The_token_is_accepted_as_a_bearer_token()
    {
        using var host = await Serve(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/config");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

        var reply = await host.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("wrong", null)]
    [InlineData("", null)]
    [InlineData(Token + " ", null)]
    [InlineData(null, "Bearer wrong")]
    [InlineData(null, "Basic " + Token)]
    [InlineData(null, "bearer " + Token)]
    public async Task Anything_else_gets_401_with_a_json_error_naming_the_header(string? header, string? authorization)
    {
        using var host = await Serve(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/config");
        if (header is not null)
        {
            request.Headers.Add("X-Admin-Token", header);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var reply = await host.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Equal("application/json", reply.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", reply.Headers.WwwAuthenticate.ToString());
        var body = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        Assert.Equal("unauthorized", body["error"]!.ToString());
        Assert.Equal("X-Admin-Token", body["field"]!.ToString());
        Assert.DoesNotContain(Token, body.ToJsonString());
    }

    [Fact]
    public async Task The_token_sent_twice_in_its_header_is_refused()
    {
        using var host = await Serve(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/config");
        request.Headers.Add("X-Admin-Token", [Token, Token]);

        var reply = await host.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
    }

    private static async Task<IHost> Serve(string? adminToken)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services
                    .AddRouting()
                    .AddSingleton(new SecurityOptions(BypassToken: null, AdminToken: adminToken))
                    .AddSingleton<AdminTokenFilter>())
                .Configure(app => app
                    .UseRouting()
                    .UseEndpoints(endpoints => endpoints.MapGroup("/admin").AddEndpointFilter<AdminTokenFilter>().MapGet("/config", () => "admitted"))))
            .Build();
        await host.StartAsync();
        return host;
    }
}
