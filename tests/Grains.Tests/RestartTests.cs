using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RestartTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_configuration_survives_a_restart_of_every_silo_against_the_same_redis()
    {
        string serviceId = $"restart-{Guid.NewGuid():N}";
        ClusterConfig saved;
        await using (var first = await RateLimiterCluster.StartAsync(fixture.Redis.ConnectionString, serviceId, silos: 2))
        {
            saved = await first.Configure(new ConfigPatch("grain", RateLimit: 42, WindowSizeSeconds: 17));
            await first.ConfigGrain.ResetAll();
        }

        await using var second = await RateLimiterCluster.StartAsync(fixture.Redis.ConnectionString, serviceId, silos: 2);
        var loaded = await second.ConfigGrain.Get();

        Assert.Equal((RateLimitMode.Grain, 42, 17), (loaded.Mode, loaded.RateLimit, loaded.WindowSizeSeconds));
        Assert.Equal(saved.Version + 1, loaded.Version);
        Assert.Equal(1, loaded.FullResetGeneration);
    }

    [Fact]
    public async Task A_new_cluster_starts_from_the_configured_defaults()
    {
        await using var cluster = await RateLimiterCluster.StartAsync(fixture.Redis.ConnectionString, $"fresh-{Guid.NewGuid():N}", silos: 1);

        var config = await cluster.ConfigGrain.Get();

        Assert.Equal((RateLimitMode.RedisAtomic, 100, 60), (config.Mode, config.RateLimit, config.WindowSizeSeconds));
        Assert.True(config.UseRedis);
        Assert.True(config.UseLuaScript);
    }
}
