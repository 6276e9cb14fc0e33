using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>How a client's Redis keys are built and escaped: pure functions, tested without a cluster or Redis.</summary>
public sealed class RedisKeyFormatTests
{
    [Theory]
    [InlineData("test-client", "ratelimit:{test-client}:g3:sliding_window")]
    [InlineData("a}b{c", "ratelimit:{a%7Db%7Bc}:g3:sliding_window")]
    [InlineData("tenant:42", "ratelimit:{tenant%3A42}:g3:sliding_window")]
    [InlineData("*", "ratelimit:{%2A}:g3:sliding_window")]
    [InlineData("100%", "ratelimit:{100%25}:g3:sliding_window")]
    public void Keys_carry_the_client_as_one_escaped_hash_tag(string client, string expected)
    {
        Assert.Equal(expected, RateLimitKeys.SlidingWindow(client, 3).ToString());
    }

    [Theory]
    [InlineData("a}b")]
    [InlineData("{x}")]
    [InlineData("a:b:c")]
    [InlineData("k*y?[z]\\")]
    public void The_hash_tag_is_exactly_the_escaped_client_so_all_its_keys_share_a_slot(string client)
    {
        foreach (var key in RateLimitKeys.AllFor(client, 7))
        {
            string text = key.ToString();
            int open = text.IndexOf('{');
            int close = text.IndexOf('}', open + 1);
            Assert.Equal(RateLimitKeys.EscapeClient(client), text[(open + 1)..close]);
            Assert.DoesNotContain('*', text);
        }
    }

    [Fact]
    public void Clients_that_differ_only_in_escaped_characters_get_different_keys()
    {
        string[] clients = ["a:b", "a%3Ab", "a%253Ab", "a}b", "a%7Db"];

        var keys = clients.Select(c => RateLimitKeys.SlidingWindow(c, 0).ToString()).ToHashSet();

        Assert.Equal(clients.Length, keys.Count);
    }
}
