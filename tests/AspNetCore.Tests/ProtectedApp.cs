using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateLimiterOrleans.AspNetCore;

namespace RateLimiterOrleans.AspNetCore.Tests;

/// <summary>
/// An app as a user writes it: <c>AddClusterRateLimiter</c>, <c>UseRateLimiter</c>, one endpoint, in a test server.
/// A request's key is its <c>X-API-Key</c>, its cost its <c>X-Cost</c> (one without it).
/// </summary>
public sealed class ProtectedApp : IAsyncDisposable
{
    public const string CostHeader = "X-Cost";

    private readonly WebApplication _app;

    private ProtectedApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="grains">The cluster: an Orleans client, or a co-hosted silo's grain factory.</param>
    /// <param name="configure">Changes to the user's settings, for the tests about them.</param>
    public static async Task<ProtectedApp> StartAsync(IGrainFactory grains, Action<ClusterRateLimiterOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(grains);
        builder.Services.AddClusterRateLimiter(o =>
        {
            o.Key = context => context.Request.Headers["X-API-Key"].FirstOrDefault();
            o.Cost = context => context.Request.Headers.TryGetValue(CostHeader, out var cost) ? int.Parse(cost!, CultureInfo.InvariantCulture) : 1;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapGet("/work", () => "done");
        await app.StartAsync();
        var started = new ProtectedApp(app);
        // A deployment's readiness probe: the first request is served before traffic arrives. A cold process on two
        // cores needs seconds to JIT its first decision, more than the decision timeout under a burst.
        await started.Get($"readiness-{Guid.NewGuid():N}");
        return started;
    }

    public Task<HttpResponseMessage> Get(string apiKey, int? cost = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/work");
        request.Headers.Add("X-API-Key", apiKey);
        if (cost is { } permits)
        {
            request.Headers.Add(CostHeader, permits.ToString(CultureInfo.InvariantCulture));
        }

        return Client.SendAsync(request);
    }

    /// <summary>Sends every request at once and waits for all.</summary>
    public async Task<HttpResponseMessage[]> GetConcurrently(string apiKey, int count, int? cost = null) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Get(apiKey, cost)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
