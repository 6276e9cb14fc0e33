using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Stores;
using RateLimiterOrleans.Silo.Http;
using RateLimiterOrleans.Silo.Observability;

namespace RateLimiterOrleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Co-hosts an Orleans silo in this web app: Redis clustering, the limiter grains and services,
    /// the dashboard, forwarded-header trust and the JSON conventions of the seed's API.
    /// </summary>
    public static WebApplicationBuilder AddRateLimiterSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var hosting = configuration.GetSection(SiloHostingOptions.SectionName).Get<SiloHostingOptions>() ?? new SiloHostingOptions();
        var limiter = configuration.GetSection(RateLimiterOptions.SectionName).Get<RateLimiterOptions>() ?? new RateLimiterOptions();
        var timeouts = configuration.GetSection(HttpTimeoutOptions.SectionName).Get<HttpTimeoutOptions>() ?? new HttpTimeoutOptions();
        var health = configuration.GetSection(HealthOptions.SectionName).Get<HealthOptions>() ?? new HealthOptions();
        var security = SecurityOptions.From(configuration);
        ValidateAtStart(hosting, timeouts, health);
        AdminExposure.Check(configuration, security);
        // The endpoints read the same validated settings (the dashboard's route) rather than parse the section again.
        builder.Services.AddSingleton(hosting);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = hosting.ClusterId;
                o.ServiceId = hosting.ServiceId;
            });
            // The dashboard and membership logs then say api-2 rather than a generated name.
            silo.Configure<SiloOptions>(o => o.SiloName = limiter.InstanceName);
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(hosting.ClusteringRedis ?? limiter.Redis));
            silo.Configure<EndpointOptions>(o => OrleansEndpoints.Apply(o, hosting));
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = hosting.ResponseTimeout);
            silo.Configure<ClusterMembershipOptions>(MembershipTuning.Apply);
            // Each silo sends its load statistics to every other silo, every second by default: they serve load-aware
            // placement, which the limiter's grains do not use (client grains prefer the local silo).
            silo.Configure<DeploymentLoadPublisherOptions>(o => o.DeploymentLoadPublisherRefreshTime = TimeSpan.FromSeconds(10));
            // Orleans inspects each stateless worker every 500 ms, for as long as it exists, to remove surplus workers
            // once messages stop waiting for them; the limiter's workers are reentrant, so no message waits, and the
            // inspections only woke the idle silo (after load, three a silo: the local, Redis and bench workers', six
            // wake-ups a second). Without them an idle worker goes after the grain collection age, as any activation does.
            silo.Configure<StatelessWorkerOptions>(o => o.RemoveIdleWorkers = false);
            // Each silo caches where grains live. Orleans' default keeps up to a million entries, and a burst
            // of one-off clients would leave one per client long after their grains deactivated. A bounded
            // LRU keeps the hot clients' locations and gives the rest of the memory back. An entry expires a
            // minute after its last use (swept once a minute) instead of four: a client still sending keeps its
            // location cached, most idle clients' grains have deactivated by then, and one that comes back later
            // costs one directory lookup.
            silo.Configure<GrainDirectoryOptions>(o =>
            {
                o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.LRU;
                o.CacheSize = 10_000;
                o.MaximumCacheTTL = TimeSpan.FromMinutes(1);
            });
            silo.AddRateLimiter(o =>
            {
                configuration.GetSection(RateLimiterOptions.SectionName).Bind(o);
                // The stored configuration lives beside membership, away from per-client counters.
                o.StorageRedis ??= hosting.ClusteringRedis;
            });
            // The live log stream would show grain ids, and so API keys: it stays off.
            // It samples every silo's counters every second by default, watched or not; every 5 s is enough to read.
            if (hosting.Dashboard)
            {
                silo.AddDashboard(o =>
                {
                    o.HideTrace = true;
                    o.CounterUpdateIntervalMs = 5_000;
                });
            }

            // Carries trace context across grain calls, so one request is one trace across silos. Only with a tracer:
            // its filters put every grain call, both ends, through Orleans' filter pipeline, which allocates per call
            // even when no span is started.
            if (ObservabilityExtensions.TracingConfigured(configuration))
            {
                silo.AddActivityPropagation();
            }
        });

        builder.Services.AddOptions<ProxyOptions>()
            .Bind(configuration.GetSection(ProxyOptions.SectionName))
            .Validate(o => o.TrustedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Proxy:TrustedNetworks must be CIDR networks such as 127.0.0.0/8.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>(ProxyTrust.Apply);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddRequestTimeouts(o => RequestTimeouts.Apply(timeouts, o));
        builder.Services.AddSingleton<InstanceName>();
        builder.Services.AddSingleton(security);
        builder.Services.AddSingleton(health);
        builder.Services.AddSingleton<BypassGate>();
        builder.Services.AddSingleton<Peers.PeerLimiters>();
        builder.Services.AddSingleton<Grains.ClientGrainReferences<Peers.IBareClientGrain>>();
        builder.Services.AddSingleton<Peers.BareClientGrains>();
        // Resolved once, as the decider resolves the Redis modes' worker: GetGrain looks the type up on every call.
        builder.Services.AddSingleton(services => services.GetRequiredService<IGrainFactory>().GetGrain<Peers.IBareWorkerGrain>(Peers.IBareWorkerGrain.Key));
        builder.Services.AddSingleton<AdminTokenFilter>();
        builder.Services.AddExceptionHandler<BackendFailureHandler>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    private static void ValidateAtStart(SiloHostingOptions hosting, HttpTimeoutOptions timeouts, HealthOptions health)
    {
        var failures = new SiloHostingOptionsValidator().Validate(null, hosting).Failures?.ToList() ?? [];
        // Each layer must give up before the one in front of it, or the outer one answers for it.
        if (timeouts.Default <= hosting.ResponseTimeout)
        {
            failures.Add($"{HttpTimeoutOptions.SectionName}:{nameof(timeouts.Default)} ({timeouts.Default}) must be longer than {SiloHostingOptions.SectionName}:{nameof(hosting.ResponseTimeout)} ({hosting.ResponseTimeout}).");
        }

        if (timeouts.LongRunning < timeouts.Default)
        {
            failures.Add($"{HttpTimeoutOptions.SectionName}:{nameof(timeouts.LongRunning)} must not be shorter than {HttpTimeoutOptions.SectionName}:{nameof(timeouts.Default)}.");
        }

        if (health.ConfigStaleAfter <= TimeSpan.FromSeconds(15))
        {
            failures.Add($"{HealthOptions.SectionName}:{nameof(health.ConfigStaleAfter)} must be longer than 15 s, the config grain's long poll with its response timeout; got {health.ConfigStaleAfter}.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(SiloHostingOptions.SectionName, typeof(SiloHostingOptions), failures);
        }
    }
}
