using System.Collections.Immutable;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>How one-client resets are recorded, kept and bounded: pure functions of the configuration.</summary>
public sealed class ClientResetRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reset_is_kept_for_the_longest_window_of_any_tier_not_just_the_default()
    {
        var config = ConfigRules.Apply(ConfigRules.Fallback, new ConfigPatch(WindowSizeSeconds: 1)).Config;
        config = ConfigRules.PutTier(config, "hourly", new TierPatch(10, 3600)).Config;
        config = ConfigRules.Assign(config, "gold-customer", "hourly").Config;
        string gold = ClientId.ForApiKey("gold-customer").Value;

        config = ConfigRules.ResetClient(config, gold, Start).Config;
        var later = ConfigRules.ResetClient(config, ClientId.ForApiKey("someone-else").Value, Start.AddSeconds(2)).Config;
        var afterAnHour = ConfigRules.ResetClient(later, ClientId.ForApiKey("a-third").Value, Start.AddSeconds(3600)).Config;

        Assert.True(later.ClientResets.ContainsKey(gold), "Forgotten after the default tier's 1 s window.");
        Assert.True(later.ResetGenerationFor(gold) > later.FullResetGeneration);
        Assert.False(afterAnHour.ClientResets.ContainsKey(gold));
    }

    [Fact]
    public void Each_reset_takes_a_new_generation_and_version()
    {
        var first = ConfigRules.ResetClient(ConfigRules.Fallback, "key:a", Start).Config;
        var second = ConfigRules.ResetClient(first, "key:a", Start.AddSeconds(1)).Config;

        Assert.Equal(ConfigRules.Fallback.ResetCounter + 2, second.ResetCounter);
        Assert.Equal(second.ResetCounter, second.ResetGenerationFor("key:a"));
        Assert.Equal(ConfigRules.Fallback.Version + 2, second.Version);
    }

    [Fact]
    public void At_the_cap_a_reset_of_one_more_client_is_refused_as_a_conflict_and_changes_nothing()
    {
        var resets = Enumerable.Range(0, ConfigRules.MaxClientResets)
            .ToImmutableDictionary(i => $"key:client-{i}", i => new ClientReset(i + 1, Start));
        var full = ConfigRules.Fallback with { ClientResets = resets, ResetCounter = resets.Count };

        var refused = ConfigRules.ResetClient(full, "key:one-more", Start.AddSeconds(1));
        var again = ConfigRules.ResetClient(full, "key:client-7", Start.AddSeconds(1));
        var windowLater = ConfigRules.ResetClient(full, "key:one-more", Start.Add(full.LongestWindow));

        Assert.Equal(ConfigErrorKind.Conflict, refused.Error!.Kind);
        Assert.Equal("client", refused.Error.Field);
        Assert.Same(full, refused.Config);
        Assert.True(again.Applied, "A client already remembered can be reset again.");
        Assert.True(windowLater.Applied, "Once the window has passed, old resets make room.");
        Assert.Single(windowLater.Config.ClientResets);
    }
}
