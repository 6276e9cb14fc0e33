using Orleans.Dashboard;
using RateLimiterOrleans.Silo.Observability;

namespace RateLimiterOrleans.Silo.Http;

public static class EndpointExtensions
{
    /// <summary>The middleware and routes of one lab instance: the seed's API, health, metrics and the dashboard.</summary>
    public static WebApplication MapRateLimiterEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseRateLimiterMetrics();
        app.MapGet("/api/request", RequestEndpoint.Handle);
        app.MapGet("/admin/config", AdminEndpoints.GetConfig);
        app.MapPost("/admin/config", AdminEndpoints.PostConfig);
        app.MapPost("/admin/reset", AdminEndpoints.Reset);
        app.MapGet("/admin/stats", AdminEndpoints.GetStats);
        app.MapGet("/health", HealthEndpoint.Handle);
        app.MapOrleansDashboard("/dashboard");
        return app;
    }
}
