using Orleans.Dashboard;
using RateLimiterOrleans.Silo.Hosting;
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
        app.UseUnknownMethodGuard();
        app.UseRateLimiterMetrics();
        // Inside the metrics, so a request that ran out of time is counted with its 503.
        app.UseRequestTimeouts();
        app.MapGet("/api/request", RequestEndpoint.Handle);
        app.MapGet("/api/baseline", BenchEndpoints.Baseline);
        app.MapGet("/api/peer/redis-rate-limiting", BenchEndpoints.RedisRateLimiting);
        app.MapGet("/api/peer/sliding-window-rate-limiter", BenchEndpoints.InProcess);
        app.MapGet("/api/ceiling/grain-call", BenchEndpoints.BareGrainCall);
        app.MapGet("/api/ceiling/worker-call", BenchEndpoints.BareWorkerCall);
        var admin = app.MapGroup("/admin").AddEndpointFilter<AdminTokenFilter>();
        admin.MapGet("/config", AdminEndpoints.GetConfig);
        admin.MapPost("/config", AdminEndpoints.PostConfig);
        admin.MapPost("/reset", AdminEndpoints.Reset);
        admin.MapGet("/stats", AdminEndpoints.GetStats);
        admin.MapGet("/tiers", AdminEndpoints.GetTiers);
        // Two full, compacting collections of a heap of 100,000 grains can outlast the default bound.
        admin.MapGet("/memory", AdminEndpoints.GetMemory).WithRequestTimeout(HttpTimeoutOptions.LongRunningPolicy);
        admin.MapPut("/tiers/{name}", AdminEndpoints.PutTier);
        admin.MapDelete("/tiers/{name}", AdminEndpoints.DeleteTier);
        admin.MapPut("/assignments", AdminEndpoints.PutAssignment);
        admin.MapDelete("/assignments", AdminEndpoints.DeleteAssignment);
        admin.MapGet("/cluster", LabEndpoints.GetCluster);
        admin.MapGet("/where", LabEndpoints.Where);
        // Bursts and compares run for seconds: past the request timeout, within nginx's longer one for them.
        admin.MapPost("/experiments/burst", ExperimentEndpoints.Burst).WithRequestTimeout(HttpTimeoutOptions.LongRunningPolicy);
        admin.MapPost("/experiments/compare", ExperimentEndpoints.Compare).WithRequestTimeout(HttpTimeoutOptions.LongRunningPolicy);
        admin.MapPost("/chaos/kill", ChaosEndpoints.Kill);
        admin.MapPost("/chaos/redis-pause", ChaosEndpoints.PauseRedis);
        app.MapGet("/health", HealthEndpoint.Combined);
        app.MapGet("/health/live", HealthEndpoint.Live);
        app.MapGet("/health/ready", HealthEndpoint.Ready);
        // The dashboard shows grain ids, which are API keys: with an admin token, it needs the token too.
        if (app.Services.GetRequiredService<SiloHostingOptions>().Dashboard)
        {
            app.MapOrleansDashboard("/dashboard").AddEndpointFilter<AdminTokenFilter>();
        }
        else
        {
            // Someone following a link to the dashboard learns which setting serves it, rather than meeting a bare 404.
            app.Map("/dashboard/{**rest}", () => new ApiError("dashboard_off", "Orleans:Dashboard",
                "the Orleans dashboard is off on this silo; ./lab up --observability or Orleans__Dashboard=true turns it on").ToResult(StatusCodes.Status404NotFound));
        }

        // A relative Location: nginx passes a Host without its port, so the absolute one UseDefaultFiles would
        // build for /lab would point at port 80. An exact comparison, not a rewrite rule's regular expression on every
        // request, nor an endpoint: routing ignores a trailing slash, so one for /lab would redirect /lab/ to itself.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value != "/lab")
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = "/lab/";
            return Task.CompletedTask;
        });
        // /lab/ serves lab/index.html; no-cache, so a rebuilt lab never shows a stale page.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" });
        return app;
    }
}
