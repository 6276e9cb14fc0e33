using System.Net;
using Microsoft.AspNetCore.Http;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Tests;

public sealed class ClientIdentityTests
{
    [Fact]
    public void The_api_key_is_the_client_whatever_the_address()
    {
        var context = Context("10.0.0.7", ("X-API-Key", "test-client"));

        Assert.Equal((ClientId.ForApiKey("test-client"), (ApiError?)null), ClientIdentity.Resolve(context));
    }

    [Fact]
    public void Without_a_key_the_client_is_the_callers_address()
    {
        Assert.Equal((ClientId.ForAddress("10.0.0.7"), (ApiError?)null), ClientIdentity.Resolve(Context("10.0.0.7")));
        Assert.Equal((ClientId.ForAddress("::1"), (ApiError?)null), ClientIdentity.Resolve(Context("::1")));
    }

    [Fact]
    public void A_key_that_reads_like_an_address_is_not_that_address()
    {
        var key = ClientIdentity.Resolve(Context("10.0.0.7", ("X-API-Key", "203.0.113.9"))).Client;
        var address = ClientIdentity.Resolve(Context("203.0.113.9")).Client;

        Assert.NotEqual(address.Value, key.Value);
        Assert.Equal(ClientKind.ApiKey, key.Kind);
    }

    [Fact]
    public void Without_a_key_or_an_address_every_such_caller_shares_one_client()
    {
        Assert.Equal(ClientId.ForAddress("unknown"), ClientIdentity.Resolve(new DefaultHttpContext()).Client);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("tab\there", "U+0009")]
    public void An_unusable_key_is_refused_naming_the_header_rather_than_falling_back_to_the_address(string key, string reason)
    {
        var (client, error) = ClientIdentity.Resolve(Context("10.0.0.7", ("X-API-Key", key)));

        Assert.Equal(default, client);
        Assert.Equal("invalid_api_key", error!.Error);
        Assert.Equal("X-API-Key", error.Field);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_key_longer_than_256_characters_is_refused()
    {
        var (_, error) = ClientIdentity.Resolve(Context("10.0.0.7", ("X-API-Key", new string('k', 257))));

        Assert.Contains("256", error!.Message);
    }

    [Fact]
    public void Two_keys_in_one_request_are_refused_rather_than_one_chosen()
    {
        var context = Context("10.0.0.7");
        context.Request.Headers.Append("X-API-Key", "first");
        context.Request.Headers.Append("X-API-Key", "second");

        Assert.Equal(new ApiError("invalid_api_key", "X-API-Key", "must be sent once"), ClientIdentity.Resolve(context).Error);
    }

    private static DefaultHttpContext Context(string address, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }
}
