using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConfigTests(ClusterFixture fixture)
{
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_change_made_through_one_silo_reaches_every_silo_and_the_config_grain_says_when_all_hold_it()
    {
        var before = await _cluster.ConfigGrain.Get();
        int newLimit = before.RateLimit == 77 ? 78 : 77;

        var change = await _cluster.ConfigGrain.Update(new ConfigPatch(RateLimit: newLimit));

        Assert.True(change.Applied);
        Assert.True(await _cluster.ConfigGrain.EverySiloHolds(change.Config.Version, TimeSpan.FromSeconds(10)));
        Assert.All(Enumerable.Range(0, 3), silo =>
            Assert.Equal(newLimit, _cluster.Service<ClusterConfigCache>(silo).Current.Config.RateLimit));
    }

    [Fact]
    public async Task No_silo_is_said_to_hold_a_version_that_was_never_made()
    {
        var current = await _cluster.ConfigGrain.Get();

        Assert.False(await _cluster.ConfigGrain.EverySiloHolds(current.Version + 1, TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData(false, false, "local")]
    [InlineData(true, false, "redis_naive")]
    [InlineData(true, true, "redis_atomic")]
    public async Task The_seed_flags_map_onto_modes(bool useRedis, bool useLuaScript, string expected)
    {
        var config = await _cluster.Configure(new ConfigPatch(UseRedis: useRedis, UseLuaScript: useLuaScript));

        Assert.Equal(expected, config.Mode.ToName());
        Assert.Equal((useRedis, useLuaScript), (config.UseRedis, config.UseLuaScript));
    }

    [Fact]
    public async Task Grain_mode_is_set_by_name_and_reports_neither_redis_flag()
    {
        var config = await _cluster.Configure(new ConfigPatch("grain"));

        Assert.Equal(RateLimitMode.Grain, config.Mode);
        Assert.False(config.UseRedis);
        Assert.False(config.UseLuaScript);
    }

    public static TheoryData<ConfigPatch, string> InvalidPatches => new()
    {
        { new ConfigPatch(RateLimit: 0), "rate_limit" },
        { new ConfigPatch(RateLimit: 1_000_001), "rate_limit" },
        { new ConfigPatch(RateLimit: -5), "rate_limit" },
        { new ConfigPatch(WindowSizeSeconds: 0), "window_size_seconds" },
        { new ConfigPatch(WindowSizeSeconds: 86_401), "window_size_seconds" },
        { new ConfigPatch("fast"), "mode" },
        { new ConfigPatch("REDIS_ATOMIC"), "mode" },
        { new ConfigPatch("grain", UseRedis: true), "use_redis" },
        { new ConfigPatch("redis_atomic", UseLuaScript: false), "use_lua_script" },
        { new ConfigPatch("local", RateLimit: 0), "rate_limit" },
    };

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public async Task An_invalid_change_is_refused_naming_the_field_and_the_old_config_stays(ConfigPatch patch, string field)
    {
        var before = await _cluster.ConfigGrain.Get();

        var change = await _cluster.ConfigGrain.Update(patch);

        var after = await _cluster.ConfigGrain.Get();
        Assert.False(change.Applied);
        Assert.Equal(field, change.Error!.Field);
        Assert.Equal(before.Version, change.Config.Version);
        Assert.Equal((before.Version, before.Mode, before.RateLimit, before.WindowSizeSeconds), (after.Version, after.Mode, after.RateLimit, after.WindowSizeSeconds));
    }

    [Fact]
    public async Task The_boundaries_of_each_range_are_accepted()
    {
        await _cluster.Configure(new ConfigPatch(RateLimit: 1, WindowSizeSeconds: 86_400));
        var config = await _cluster.Configure(new ConfigPatch(RateLimit: 1_000_000, WindowSizeSeconds: 1));

        Assert.Equal((1_000_000, 1), (config.RateLimit, config.WindowSizeSeconds));
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_keeps_the_version()
    {
        var current = await _cluster.Configure(new ConfigPatch("grain", RateLimit: 10, WindowSizeSeconds: 30));

        var change = await _cluster.ConfigGrain.Update(new ConfigPatch("grain", RateLimit: 10));

        Assert.True(change.Applied);
        Assert.Equal(current.Version, change.Config.Version);
    }
}
