using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>What a silo's readiness rests on: Redis only where the mode and its failure policy need it, and a fresh configuration.</summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("local", "open", false)]
    [InlineData("grain", "closed", false)]
    [InlineData("redis_atomic", "open", false)]
    [InlineData("redis_atomic", "local", false)]
    [InlineData("redis_atomic", "closed", true)]
    [InlineData("redis_naive", "closed", true)]
    public void Redis_is_needed_only_by_a_redis_mode_that_fails_closed(string mode, string failMode, bool needed)
    {
        var config = ConfigRules.Apply(ConfigRules.Fallback, new ConfigPatch(mode, FailMode: failMode)).Config;

        Assert.Equal(needed, Readiness.NeedsRedis(config));
    }

    [Fact]
    public void The_configuration_turns_stale_once_the_silo_has_not_heard_from_the_config_grain_for_the_bound()
    {
        var time = new FakeTimeProvider();
        using var cache = new ClusterConfigCache(null!, null!, Options.Create(new RateLimiterOptions()), time, NullLogger<ClusterConfigCache>.Instance);
        Assert.Equal(Readiness.NotLoaded, Readiness.ConfigState(null, cache.Age, StaleAfter));

        cache.Offer(ConfigRules.Fallback);
        time.Advance(TimeSpan.FromSeconds(29));
        string fresh = Readiness.ConfigState(cache.Current.Config, cache.Age, StaleAfter);
        time.Advance(TimeSpan.FromSeconds(2));
        string stale = Readiness.ConfigState(cache.Current.Config, cache.Age, StaleAfter);
        cache.Offer(ConfigRules.Fallback);

        Assert.Equal(Readiness.Loaded, fresh);
        Assert.Equal(Readiness.Stale, stale);
        Assert.Equal(TimeSpan.Zero, cache.Age);
        Assert.Equal(Readiness.Loaded, Readiness.ConfigState(cache.Current.Config, cache.Age, StaleAfter));
    }
}
