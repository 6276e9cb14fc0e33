using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>The rules for tiers and assignments, without a cluster: pure functions of the configuration.</summary>
public sealed class TierRulesTests
{
    private static readonly ClusterConfig Start = ConfigRules.Fallback;

    [Fact]
    public void A_new_tier_needs_its_limit_and_window_and_defaults_to_the_sliding_window()
    {
        var missing = ConfigRules.PutTier(Start, "gold", new TierPatch(RateLimit: 1000));
        var created = ConfigRules.PutTier(Start, "gold", new TierPatch(1000, 60));

        Assert.Equal("window_size_seconds", missing.Error!.Field);
        Assert.Equal(new TierLimits(1000, 60, RateLimitAlgorithm.SlidingWindow), created.Config.Tiers["gold"]);
        Assert.Equal(Start.Version + 1, created.Config.Version);
    }

    [Theory]
    [InlineData("", 10, 60, null, "tier")]
    [InlineData("has space", 10, 60, null, "tier")]
    [InlineData("gold", 0, 60, null, "rate_limit")]
    [InlineData("gold", 10, 100000, null, "window_size_seconds")]
    [InlineData("gold", 10, 60, "leaky_bucket", "algorithm")]
    public void A_bad_tier_is_refused_naming_the_field_and_changes_nothing(string name, int limit, int window, string? algorithm, string field)
    {
        var change = ConfigRules.PutTier(Start, name, new TierPatch(limit, window, algorithm));

        Assert.Equal(field, change.Error!.Field);
        Assert.Same(Start, change.Config);
    }

    [Fact]
    public void Updating_a_tier_changes_only_the_fields_given()
    {
        var gold = ConfigRules.PutTier(Start, "gold", new TierPatch(1000, 60)).Config;

        var updated = ConfigRules.PutTier(gold, "gold", new TierPatch(Algorithm: "token_bucket")).Config;

        Assert.Equal(new TierLimits(1000, 60, RateLimitAlgorithm.TokenBucket), updated.Tiers["gold"]);
    }

    [Fact]
    public void Shadow_mode_is_set_per_tier_and_kept_by_changes_that_do_not_name_it()
    {
        var gold = ConfigRules.PutTier(Start, "gold", new TierPatch(1000, 60, Shadow: true)).Config;
        var changed = ConfigRules.PutTier(gold, "gold", new TierPatch(RateLimit: 500)).Config;
        var enforced = ConfigRules.PutTier(changed, "gold", new TierPatch(Shadow: false)).Config;

        Assert.True(gold.Tiers["gold"].Shadow);
        Assert.False(gold.Shadow);
        Assert.Equal(new TierLimits(500, 60, RateLimitAlgorithm.SlidingWindow, Shadow: true), changed.Tiers["gold"]);
        Assert.False(enforced.Tiers["gold"].Shadow);
        Assert.Equal(changed.Version + 1, enforced.Version);
    }

    [Fact]
    public void Shadow_mode_of_the_default_tier_is_set_through_the_config_or_the_default_tier()
    {
        var viaConfig = ConfigRules.Apply(Start, new ConfigPatch(Shadow: true)).Config;
        var viaTier = ConfigRules.PutTier(Start, "default", new TierPatch(Shadow: true)).Config;
        var unchanged = ConfigRules.Apply(viaConfig, new ConfigPatch(Shadow: true));

        Assert.True(viaConfig.Shadow);
        Assert.True(viaConfig.DefaultLimits.Shadow);
        Assert.Equal(viaConfig, viaTier);
        Assert.Same(viaConfig, unchanged.Config);
    }

    [Fact]
    public void The_default_tier_is_the_top_level_configuration()
    {
        var change = ConfigRules.PutTier(Start, "default", new TierPatch(RateLimit: 7));

        Assert.Equal(7, change.Config.RateLimit);
        Assert.Empty(change.Config.Tiers);
        Assert.Equal("tier", ConfigRules.DeleteTier(Start, "default").Error!.Field);
    }

    [Fact]
    public void Assigned_keys_get_their_tier_and_everyone_else_the_default()
    {
        var config = ConfigRules.PutTier(Start, "gold", new TierPatch(1000, 60)).Config;
        config = ConfigRules.Assign(config, "key-a", "gold").Config;

        Assert.Equal("gold", config.TierOf(ClientId.ForApiKey("key-a").Value));
        Assert.Equal("default", config.TierOf(ClientId.ForApiKey("key-b").Value));
        Assert.Equal(1000, config.LimitsOf(config.TierOf(ClientId.ForApiKey("key-a").Value)).RateLimit);
    }

    [Fact]
    public void A_key_cannot_be_assigned_to_a_tier_that_does_not_exist()
    {
        var change = ConfigRules.Assign(Start, "key-a", "platinum");

        Assert.Equal("tier", change.Error!.Field);
        Assert.Empty(change.Config.Assignments);
    }

    [Fact]
    public void A_tier_in_use_cannot_be_deleted_and_a_missing_one_is_not_found()
    {
        var config = ConfigRules.PutTier(Start, "gold", new TierPatch(1000, 60)).Config;
        config = ConfigRules.Assign(config, "key-a", "gold").Config;

        Assert.Equal(ConfigErrorKind.Conflict, ConfigRules.DeleteTier(config, "gold").Error!.Kind);
        Assert.Equal(ConfigErrorKind.NotFound, ConfigRules.DeleteTier(config, "silver").Error!.Kind);
        var freed = ConfigRules.Unassign(config, "key-a").Config;
        Assert.True(ConfigRules.DeleteTier(freed, "gold").Applied);
    }

    [Fact]
    public void Repeating_a_change_keeps_the_version()
    {
        var config = ConfigRules.PutTier(Start, "gold", new TierPatch(1000, 60)).Config;

        var again = ConfigRules.PutTier(config, "gold", new TierPatch(1000, 60));

        Assert.Same(config, again.Config);
    }
}
