using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Grains;

public static class RateLimiterSiloBuilderExtensions
{
    /// <summary>
    /// Adds the limiter grains, their per-silo services, the Redis stores and the grain storage that
    /// keeps the cluster-wide configuration.
    /// </summary>
    public static ISiloBuilder AddRateLimiter(this ISiloBuilder silo, Action<RateLimiterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        var services = silo.Services;
        services.AddOptions<RateLimiterOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimiterOptions>, RateLimiterOptionsValidator>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(RateLimiterClock.Key, TimeProvider.System);
        services.TryAddSingleton(ScriptClock.Redis);
        AddRedisStores(services);
        services.AddSingleton<RedisOutageFallback>(sp => new(
            sp.GetRequiredService<IClusterMembershipService>(), sp.GetRequiredService<DecisionFactory>(), LimiterClock(sp)));
        services.AddSingleton<RedisOutageLog>();
        services.AddSingleton<RedisLimiters>();
        services.AddSingleton<ClusterConfigCache>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ClusterConfigCache>());
        services.AddSingleton(sp => new LocalClientWindows(LimiterClock(sp)));
        services.AddHostedService<LocalClientSweeper>();
        services.AddSingleton<LimiterActivations>();
        services.AddSingleton<SiloDecisionStats>();
        services.AddSingleton<RateLimiterMetrics>();
        services.AddSingleton<RecentGrainDecisions>();
        services.AddSingleton<DecisionFactory>();
        services.AddSingleton<RateLimitDecider>();
        silo.AddRedisGrainStorage(RateLimiterStorage.Name, (OptionsBuilder<Orleans.Persistence.RedisStorageOptions> storage) =>
            storage.Configure<IOptions<RateLimiterOptions>, Orleans.Serialization.Serializer>((o, limiter, serializer) =>
            {
                o.ConfigurationOptions = RedisConnection.Options(limiter.Value.StorageRedis ?? limiter.Value.Redis);
                // Orleans' own version-tolerant format: the default JSON one cannot read back immutable collections.
                o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer);
            }));
        return silo;
    }

    private static void AddRedisStores(IServiceCollection services)
    {
        services.AddSingleton(sp => new RedisStoreOptions { CommandTimeout = sp.GetRequiredService<IOptions<RateLimiterOptions>>().Value.RedisTimeout });
        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(RedisConnection.ForDecisions(
            sp.GetRequiredService<IOptions<RateLimiterOptions>>().Value.Redis, sp.GetRequiredService<RedisStoreOptions>())));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RedisScriptLoader>();
        services.AddSingleton<RedisCircuitBreaker>();
        services.AddSingleton<RedisGuard>();
        services.AddSingleton<AtomicSlidingWindowStore>();
        services.AddSingleton<AtomicTokenBucketStore>();
        services.AddSingleton(sp => new NaiveSlidingWindowStore(sp.GetRequiredService<RedisGuard>(), LimiterClock(sp)));
        services.AddSingleton(sp => new NaiveTokenBucketStore(sp.GetRequiredService<RedisGuard>(), LimiterClock(sp)));
        services.AddSingleton<RedisResetStore>();
        services.AddSingleton<GrainJournalStore>();
    }

    private static TimeProvider LimiterClock(IServiceProvider services) => services.GetRequiredKeyedService<TimeProvider>(RateLimiterClock.Key);
}
