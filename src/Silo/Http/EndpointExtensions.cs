using Orleans.Dashboard;
using RateLimiterOrleans.Silo.Observability;
using RateLimiterOrleans.Silo.Peers;

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
        app.MapGet("/api/baseline", BenchEndpoints.Baseline);
        app.MapGet("/api/peer/redis-rate-limiting", BenchEndpoints.RedisRateLimiting);
        app.MapGet("/api/peer/sliding-window-rate-limiter", BenchEndpoints.InProcess);
        var admin = app.MapGroup("/admin").AddEndpointFilter<AdminTokenFilter>();
        admin.MapGet("/config", AdminEndpoints.GetConfig);
        admin.MapPost("/config", AdminEndpoints.PostConfig);
        admin.MapPost("/reset", AdminEndpoints.Reset);
        admin.MapGet("/stats", AdminEndpoints.GetStats);
        admin.MapGet("/tiers", AdminEndpoints.GetTiers);
        admin.MapGet("/memory", AdminEndpoints.GetMemory);
        admin.MapPut("/tiers/{name}", AdminEndpoints.PutTier);
        admin.MapDelete("/tiers/{name}", AdminEndpoints.DeleteTier);
        admin.MapPut("/assignments", AdminEndpoints.PutAssignment);
        admin.MapDelete("/assignments", AdminEndpoints.DeleteAssignment);
        app.MapGet("/health", HealthEndpoint.Handle);
        app.MapOrleansDashboard("/dashboard");
        return app;
    }
}
