using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// API keys and callers' addresses are two kinds of client: a key that reads like an address can neither
/// spend that host's quota (and lock it out) nor take a tier meant for a key.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class IdentityTests(StackFixture fixture) : IAsyncLifetime
{
    // What nginx reports for this test process, and so the address the silos count it as.
    private const string OwnAddress = "127.0.0.1";

    private readonly LabClient _lab = fixture.Client;

    public async Task InitializeAsync() => await ForgetOwnAddress();

    public async Task DisposeAsync()
    {
        await _lab.Delete($"{_lab.Nginx}/admin/assignments?api_key={OwnAddress}");
        await ForgetOwnAddress();
    }

    [Fact]
    public async Task A_key_named_like_the_callers_address_has_its_own_quota_and_tier_and_each_resets_alone()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 2, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        string tier = $"id-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.OK, (await _lab.Put($"{_lab.Nginx}/admin/tiers/{tier}", """{"rate_limit": 5, "window_size_seconds": 60}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _lab.Put($"{_lab.Nginx}/admin/assignments", $$"""{"api_key": "{{OwnAddress}}", "tier": "{{tier}}"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _lab.Reset(OwnAddress)).Status);

        var keyed = await _lab.Sequentially(OwnAddress, 7);
        var anonymous = new List<Reply>();
        for (int i = 0; i < 3; i++)
        {
            anonymous.Add(await _lab.Request(apiKey: null));
        }

        Assert.Equal(5, keyed.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(keyed, r => Assert.Equal(tier, r.Field("tier")));
        Assert.Equal(2, anonymous.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(anonymous, r => Assert.Equal(("default", OwnAddress), (r.Field("tier"), r.Field("client"))));

        var reset = await _lab.Send(new HttpRequestMessage(HttpMethod.Post, $"{_lab.Nginx}/admin/reset?address={OwnAddress}"));
        Assert.Equal(("address", OwnAddress), (reset.Field("scope"), reset.Field("client")));
        Assert.Equal(HttpStatusCode.OK, (await _lab.Request(apiKey: null)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _lab.Request(OwnAddress)).Status);
    }

    [Fact]
    public async Task Local_mode_stats_list_keys_and_addresses_apart()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "local", "rate_limit": 100, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        string key = $"stats-key-{Guid.NewGuid():N}";
        await _lab.Request(key, _lab.Api(0));
        await _lab.Request(apiKey: null, _lab.Api(0));

        var stats = (await _lab.Get($"{_lab.Api(0)}/admin/stats")).Json;

        Assert.Equal(1, stats["local_clients"]![key]!.GetValue<int>());
        Assert.True(stats["local_addresses"]![OwnAddress]!.GetValue<int>() >= 1);
        Assert.Null(stats["local_clients"]![OwnAddress]);
    }

    [Fact]
    public async Task A_reset_address_that_is_not_an_address_gets_400_naming_it()
    {
        var reply = await _lab.Send(new HttpRequestMessage(HttpMethod.Post, $"{_lab.Nginx}/admin/reset?address=not-an-address"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("address", reply.Field("field"));
    }

    private Task<Reply> ForgetOwnAddress() =>
        _lab.Send(new HttpRequestMessage(HttpMethod.Post, $"{_lab.Nginx}/admin/reset?address={OwnAddress}"));
}
