using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("test-client")]
    [InlineData("a")]
    [InlineData("{weird}:*key with spaces")]
    [InlineData("клиент-😀")]
    public void Printable_keys_up_to_256_characters_are_accepted(string key)
    {
        Assert.Null(ClientKey.Validate(key));
        Assert.Null(ClientKey.Validate(new string('k', ClientKey.MaxLength)));
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("nul\0", "U+0000")]
    [InlineData("line\nbreak", "U+000A")]
    public void Other_keys_are_refused_with_the_reason(string? key, string reason)
    {
        Assert.Contains(reason, ClientKey.Validate(key));
    }

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        // Built at run time: attribute arguments cannot carry a lone surrogate intact.
        Assert.Contains("surrogate", ClientKey.Validate("lone" + (char)0xD800));
        Assert.Contains("surrogate", ClientKey.Validate((char)0xDC00 + "lone"));
    }

    [Fact]
    public void A_key_of_257_characters_is_refused_not_truncated()
    {
        Assert.Contains("at most 256", ClientKey.Validate(new string('k', ClientKey.MaxLength + 1)));
    }
}
