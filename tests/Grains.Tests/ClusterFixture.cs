using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// One real redis-server on a free port and one 3-silo cluster, shared by the tests of
/// <see cref="ClusterCollection"/>. Every test uses its own client key.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ratelimiter-tests", Guid.NewGuid().ToString("N"));

    public RedisServer Redis { get; private set; } = null!;

    public RateLimiterCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), _dataDirectory, Persistent: false));
        Cluster = await RateLimiterCluster.StartAsync(Redis.ConnectionString, $"tests-{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Redis.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    public static string NewClient(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}
