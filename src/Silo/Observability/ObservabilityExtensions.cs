using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Prometheus;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Observability;

public static class ObservabilityExtensions
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether spans are exported: only when an OTLP endpoint is configured.</summary>
    public static bool TracingConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
    }

    /// <summary>
    /// Prometheus metrics (decisions, HTTP, Orleans' meters), logs without API keys and, when an OTLP endpoint
    /// is configured, OpenTelemetry tracing of ASP.NET Core, Orleans, Redis and each decision.
    /// </summary>
    public static WebApplicationBuilder AddRateLimiterObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SeedMetricsExporter>();

        // Orleans' meters, and no event counters: those bring the runtime's private_internaldiagnostics_*
        // series, which would triple the scrape size.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });
        Metrics.ConfigureMeterAdapter(o => o.InstrumentFilterPredicate = OrleansMeters.Exported);

        // Without an endpoint there is no exporter, and without listeners no span is ever created.
        if (TracingConfigured(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Configuration["RateLimiter:InstanceName"] ?? "ratelimiter"))
                .WithTracing(tracing => tracing
                    .AddSource(RateLimiterTelemetry.SourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/health"))
                    .AddRedisInstrumentation()
                    .AddProcessor(new ClientKeyRedactor())
                    .AddOtlpExporter());
        }

        // Last, so that every logger registered by now, Orleans' included, writes digests instead of API keys.
        RedactingLoggerProvider.WrapAll(builder.Services);
        return builder;
    }

    /// <summary>Counts HTTP requests and serves <c>/metrics</c>; goes after the exception handler so 5xx answers are counted.</summary>
    public static WebApplication UseRateLimiterMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<SeedMetricsExporter>().PublishAtZero(app.Services.GetRequiredService<BypassGate>().Enabled);
        app.UseHttpMetrics();
        app.MapMetrics("/metrics");
        return app;
    }
}
