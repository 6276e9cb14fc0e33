using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

[Collection(FailoverCollection.Name)]
public sealed class TierRestartTests(FailoverFixture fixture) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;

    [Fact]
    public async Task Tiers_and_assignments_survive_a_restart_of_the_whole_stack()
    {
        string tier = $"kept-{Guid.NewGuid():N}"[..20];
        string key = $"kept-key-{Guid.NewGuid():N}";
        await _lab.Put($"{_lab.Nginx}/admin/tiers/{tier}", """{"rate_limit": 4, "window_size_seconds": 30, "algorithm": "token_bucket"}""");
        await _lab.Put($"{_lab.Nginx}/admin/assignments", $$"""{"api_key": "{{key}}", "tier": "{{tier}}"}""");

        await fixture.Stack.DownAsync();
        await fixture.BringBackAsync();

        var tiers = (await _lab.Get($"{_lab.Nginx}/admin/tiers")).Json;
        Assert.Equal(4, tiers["tiers"]![tier]!["rate_limit"]!.GetValue<int>());
        Assert.Equal("token_bucket", tiers["tiers"]![tier]!["algorithm"]!.ToString());
        Assert.Equal(tier, tiers["assignments"]![key]!.ToString());
        var reply = await _lab.Request(key);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(tier, reply.Field("tier"));
    }
}
