namespace RateLimiterOrleans.Grains.Tests;

/// <summary>API keys and addresses in one namespace each: what keeps a key from spending an address's quota.</summary>
public sealed class ClientIdTests
{
    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("::1")]
    public void A_key_that_reads_like_an_address_is_not_that_address(string address)
    {
        var key = ClientId.ForApiKey(address);
        var host = ClientId.ForAddress(address);

        Assert.NotEqual(key.Value, host.Value);
        Assert.Equal(address, key.Name);
        Assert.Equal(address, host.Name);
    }

    [Theory]
    [InlineData("test-client", "key:test-client")]
    [InlineData("ip:203.0.113.9", "key:ip%3A203%2E0%2E113%2E9")]
    [InlineData("my secret]key.", "key:my%20secret%5Dkey%2E")]
    [InlineData("клиент-😀", "key:%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82-%F0%9F%98%80")]
    public void An_api_key_is_encoded_so_its_id_ends_with_its_own_characters(string apiKey, string expected)
    {
        var id = ClientId.ForApiKey(apiKey);

        Assert.Equal(expected, id.Value);
        Assert.Matches("^key:[A-Za-z0-9_~%-]+$", id.Value);
        Assert.True(ClientId.TryParse(id.Value, out var back));
        Assert.Equal((ClientKind.ApiKey, apiKey), (back.Kind, back.Name));
    }

    [Fact]
    public void Tiers_apply_to_api_keys_only()
    {
        var config = ConfigRules.PutTier(ConfigRules.Fallback, "gold", new TierPatch(1000, 60)).Config;
        config = ConfigRules.Assign(config, "203.0.113.9", "gold").Config;

        Assert.Equal("gold", config.TierOf(ClientId.ForApiKey("203.0.113.9").Value));
        Assert.Equal(ClusterConfig.DefaultTier, config.TierOf(ClientId.ForAddress("203.0.113.9").Value));
        Assert.True(config.IsRegistered("203.0.113.9"));
        Assert.False(config.IsRegistered("someone-else"));
    }
}
