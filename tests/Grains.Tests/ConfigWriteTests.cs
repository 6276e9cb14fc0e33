using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// A configuration change reaches the silos only once Redis holds it. A change whose write fails is refused whole, its
/// version number goes to the next change, and no silo may hold the refused content under that number.
/// </summary>
public sealed class ConfigWriteTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ratelimiter-tests", Guid.NewGuid().ToString("N"));
    private readonly StorageWriteGate _writes = new();
    private RedisServer _redis = null!;
    private RateLimiterCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), _dataDirectory, Persistent: false));
        _cluster = await RateLimiterCluster.StartAsync(_redis.ConnectionString, $"config-writes-{Guid.NewGuid():N}", storageWrites: _writes);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _redis.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_change_is_not_answered_to_polls_while_it_is_written_and_a_failed_one_is_held_by_no_silo()
    {
        var saved = await _cluster.Configure(new ConfigPatch("grain", RateLimit: 10, WindowSizeSeconds: 60));
        _writes.Hold();
        var refused = _cluster.ConfigGrain.Update(new ConfigPatch(RateLimit: 11));
        await _writes.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // A poll naming no version is answered at once, with what the grain would hand a silo polling now.
        var duringTheWrite = await _cluster.ConfigGrain.WaitForChange(knownVersion: -1, silo: "test");
        _writes.Fail(new TimeoutException("The test's storage write timed out."));
        await Assert.ThrowsAnyAsync<Exception>(() => refused);
        var next = await _cluster.Configure(new ConfigPatch(RateLimit: 12));

        Assert.Equal((saved.Version, 10), (duringTheWrite.Version, duringTheWrite.RateLimit));
        Assert.Equal(saved.Version + 1, next.Version);
        Assert.All(_cluster.Silos.Select((_, silo) => _cluster.Service<ClusterConfigCache>(silo).Current.Config), held => Assert.Equal((next.Version, 12), (held.Version, held.RateLimit)));
    }
}
