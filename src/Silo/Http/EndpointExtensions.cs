using Microsoft.AspNetCore.Rewrite;
using Orleans.Dashboard;
using RateLimiterOrleans.Silo.Observability;
using RateLimiterOrleans.Silo.Peers;

namespace RateLimiterOrleans.Silo.Http;

public static class EndpointExtensions
{
    /// <summary>The middleware and routes of one lab instance: the seed's API, health, metrics, the dashboard and the lab page.</summary>
    public static WebApplication MapRateLimiterEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseRateLimiterMetrics();
        app.Services.GetRequiredService<BypassGate>().Initialise();
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
        admin.MapGet("/cluster", LabEndpoints.GetCluster);
        admin.MapGet("/where", LabEndpoints.Where);
        admin.MapPost("/experiments/burst", ExperimentEndpoints.Burst);
        admin.MapPost("/experiments/compare", ExperimentEndpoints.Compare);
        admin.MapPost("/chaos/kill", ChaosEndpoints.Kill);
        admin.MapPost("/chaos/redis-pause", ChaosEndpoints.PauseRedis);
        app.MapGet("/health", HealthEndpoint.Handle);
        app.MapOrleansDashboard("/dashboard");
        // A relative Location: nginx passes a Host without its port, so the absolute one UseDefaultFiles would
        // build for /lab would point at port 80.
        app.UseRewriter(new RewriteOptions().AddRedirect("^lab$", "lab/", StatusCodes.Status301MovedPermanently));
        // /lab/ serves lab/index.html; no-cache, so a rebuilt lab never shows a stale page.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" });
        return app;
    }
}
