using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>An in-process cluster of silos running the limiter against one real Redis.</summary>
public sealed class RateLimiterCluster : IAsyncDisposable
{
    private RateLimiterCluster(InProcessTestCluster cluster, FakeTimeProvider clock)
    {
        Cluster = cluster;
        Clock = clock;
    }

    public InProcessTestCluster Cluster { get; }

    /// <summary>
    /// The clock every limiter in the cluster reads, the Lua scripts included: windows slide and buckets refill only
    /// when a test advances it. Orleans keeps its own clock.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos;

    public IConfigGrain ConfigGrain => Cluster.Client.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey);

    /// <param name="storageRedis">A separate Redis for the stored configuration, as a deployment may run.</param>
    /// <param name="idleCheck">How often idle limiters check their count (<c>RateLimiter:IdleCheck</c>); zero for the lab's default.</param>
    /// <param name="storageWrites">Holds the stored configuration's writes when a test asks it to.</param>
    public static async Task<RateLimiterCluster> StartAsync(string redis, string serviceId, short silos = 3, string? storageRedis = null, TimeSpan idleCheck = default, StorageWriteGate? storageWrites = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The lab's own settings: only the instance name, the Redis endpoint and the limiter's clock differ.
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(RateLimiterClock.Key, clock);
            siloBuilder.Services.AddSingleton(ScriptClock.PinnedTo(clock));
            siloBuilder.AddRateLimiter(o =>
            {
                o.InstanceName = silo.SiloName;
                o.Redis = redis;
                o.StorageRedis = storageRedis;
                o.IdleCheck = idleCheck;
            });
            if (storageWrites is not null)
            {
                HeldGrainStorage.Replace(siloBuilder.Services, RateLimiterStorage.Name, storageWrites);
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RateLimiterCluster(cluster, clock);
    }

    public T Service<T>(int silo) where T : notnull => Silos[silo].ServiceProvider.GetRequiredService<T>();

    public string InstanceName(int silo) => Silos[silo].Name;

    /// <summary>Decides from the given silo, as that silo's HTTP endpoint would.</summary>
    public Task<Decision> DecideOn(int silo, string client, int permits = 1) => Service<RateLimitDecider>(silo).DecideAsync(client, permits);

    /// <summary>
    /// Starts every decision at once, spread round-robin over the silos, and waits for all. Every decision
    /// must have been made by the mode's own count: a count made up of fail-open or overload answers would prove
    /// nothing, and under the lab's settings a busy silo must never produce one.
    /// </summary>
    public async Task<Decision[]> DecideConcurrently(string client, int count, int permits = 1)
    {
        var decisions = await Task.WhenAll(Enumerable.Range(0, count).Select(i => DecideOn(i % Silos.Count, client, permits)));
        Assert.All(decisions, d => Assert.Equal(DecisionBasis.Count, d.Basis));
        return decisions;
    }

    /// <summary>
    /// Applies a patch and waits until every silo's cache holds the result. The algorithm is the sliding
    /// window and shadow mode is off unless the patch says otherwise, since the configuration outlives each test.
    /// </summary>
    public async Task<ClusterConfig> Configure(ConfigPatch patch)
    {
        var change = await ConfigGrain.Update(patch with { Algorithm = patch.Algorithm ?? "sliding_window", Shadow = patch.Shadow ?? false });
        Assert.True(change.Applied, change.Error?.ToString());
        await UntilEverySiloHas(change.Config.Version, TimeSpan.FromSeconds(5));
        return change.Config;
    }

    /// <summary>
    /// Waits, by polling each silo's cache, until all of them hold <paramref name="version"/> or newer,
    /// and returns how long that took. Fails past <paramref name="deadline"/>.
    /// </summary>
    public async Task<TimeSpan> UntilEverySiloHas(long version, TimeSpan deadline)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!Enumerable.Range(0, Silos.Count).All(i => Service<ClusterConfigCache>(i) is { IsReady: true } cache && cache.Current.Config.Version >= version))
        {
            Assert.True(watch.Elapsed < deadline, $"Not every silo saw configuration v{version} within {deadline.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }

        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
