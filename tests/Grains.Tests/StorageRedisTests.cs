using RateLimiterOrleans.Processes;
using StackExchange.Redis;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// A deployment may keep the stored configuration (and membership) on a Redis of its own, so that
/// per-client counters filling their Redis cannot take the configuration with them.
/// </summary>
public sealed class StorageRedisTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ratelimiter-tests", Guid.NewGuid().ToString("N"));
    private readonly string _serviceId = $"storage-{Guid.NewGuid():N}";
    private RedisServer _counters = null!;
    private RedisServer _storage = null!;
    private RateLimiterCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _counters = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), Path.Combine(_dataDirectory, "counters"), Persistent: false));
        _storage = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), Path.Combine(_dataDirectory, "storage"), Persistent: false));
        _cluster = await RateLimiterCluster.StartAsync(_counters.ConnectionString, _serviceId, silos: 1, storageRedis: _storage.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _counters.DisposeAsync();
        await _storage.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task The_configuration_is_stored_in_the_storage_redis_and_the_counters_in_the_other()
    {
        await _cluster.Configure(new ConfigPatch("redis_atomic", RateLimit: 10, WindowSizeSeconds: 60));
        Assert.True((await _cluster.DecideOn(0, ClientId.ForApiKey("storage-client").Value)).Allowed);

        Assert.NotEmpty(await Keys(_storage, $"{_serviceId}/state/*"));
        Assert.Empty(await Keys(_storage, "ratelimit:*"));
        Assert.Empty(await Keys(_counters, $"{_serviceId}/state/*"));
        Assert.NotEmpty(await Keys(_counters, "ratelimit:*"));
    }

    private static async Task<List<RedisKey>> Keys(RedisServer server, string pattern)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        return redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: pattern).ToList();
    }
}
