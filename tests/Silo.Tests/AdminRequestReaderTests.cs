using System.Text;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Tests;

/// <summary>The admin API's bodies as the config grain receives them, shadow mode included.</summary>
public sealed class AdminRequestReaderTests
{
    [Fact]
    public void Shadow_mode_is_read_for_the_default_tier_and_for_a_named_one()
    {
        var (config, configError) = AdminRequestReader.Config(Body("""{"shadow": true}"""));
        var (tier, tierError) = AdminRequestReader.Tier(Body("""{"rate_limit": 10, "window_size_seconds": 60, "shadow": false}"""));

        Assert.Null(configError);
        Assert.True(config!.Shadow);
        Assert.Null(tierError);
        Assert.False(tier!.Shadow);
    }

    [Theory]
    [InlineData("""{"shadow": "yes"}""")]
    [InlineData("""{"shadow": 1}""")]
    [InlineData("""{"shadow": null}""")]
    public void A_shadow_that_is_not_a_boolean_is_refused_naming_the_field(string body)
    {
        var (_, configError) = AdminRequestReader.Config(Body(body));
        var (_, tierError) = AdminRequestReader.Tier(Body(body));

        Assert.Equal("shadow", configError!.Field);
        Assert.Equal("shadow", tierError!.Field);
    }

    private static ReadOnlyMemory<byte> Body(string json) => Encoding.UTF8.GetBytes(json);
}
