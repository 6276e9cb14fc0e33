using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>Tiers over HTTP through nginx: per-key limits, live changes, and refusals that change nothing.</summary>
[Collection(StackCollection.Name)]
public sealed class TierTests(StackFixture fixture) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;

    [Fact]
    public async Task Two_keys_in_different_tiers_get_their_own_limits_and_the_policy_header_names_the_tier()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 3, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        string tier = $"gold-{Guid.NewGuid():N}"[..20];
        string gold = $"gold-key-{Guid.NewGuid():N}";
        string basic = $"basic-key-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await _lab.Put($"{_lab.Nginx}/admin/tiers/{tier}", """{"rate_limit": 6, "window_size_seconds": 60}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _lab.Put($"{_lab.Nginx}/admin/assignments", $$"""{"api_key": "{{gold}}", "tier": "{{tier}}"}""")).Status);

        var goldReplies = await _lab.Sequentially(gold, 10);
        var basicReplies = await _lab.Sequentially(basic, 10);

        await AdmissionAssert.Admitted(6, goldReplies, _lab);
        await AdmissionAssert.Admitted(3, basicReplies, _lab);
        await AdmissionAssert.AllInTier(tier, goldReplies, _lab);
        await AdmissionAssert.AllInTier("default", basicReplies, _lab);
        Assert.Equal($"\"{tier}\";q=6;w=60", goldReplies[^1].Headers["RateLimit-Policy"]);
        Assert.Equal("\"default\";q=3;w=60", basicReplies[^1].Headers["RateLimit-Policy"]);
    }

    [Fact]
    public async Task A_tier_change_applies_to_the_next_request_on_every_instance_without_a_restart()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "algorithm": "sliding_window"}""");
        string tier = $"t-{Guid.NewGuid():N}"[..20];
        string key = $"tier-change-{Guid.NewGuid():N}";
        await _lab.Put($"{_lab.Nginx}/admin/tiers/{tier}", """{"rate_limit": 2, "window_size_seconds": 60}""");
        await _lab.Put($"{_lab.Nginx}/admin/assignments", $$"""{"api_key": "{{key}}", "tier": "{{tier}}"}""");
        Assert.Equal(2, (await _lab.Sequentially(key, 4)).Count(r => r.Status == HttpStatusCode.OK));

        var changed = await _lab.Put($"{_lab.Api(1)}/admin/tiers/{tier}", """{"rate_limit": 5, "algorithm": "token_bucket"}""");

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var after = await _lab.Sequentially(key, 6);
        // The two requests admitted before the change still count: the new bucket starts with 5 - 2 tokens.
        Assert.Equal(3, after.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(after, r => Assert.Equal("token_bucket", r.Field("algorithm")));
        Assert.Equal(3, after.Select(r => r.Field("instance")).Distinct().Count());
    }

    [Fact]
    public async Task Every_change_says_whether_every_silo_held_it_as_it_answered()
    {
        string tier = $"p-{Guid.NewGuid():N}"[..20];

        var replies = new[]
        {
            await _lab.PostConfig("""{"rate_limit": 42}""", _lab.Nginx),
            await _lab.Put($"{_lab.Nginx}/admin/tiers/{tier}", """{"rate_limit": 7, "window_size_seconds": 60}"""),
            await _lab.Delete($"{_lab.Nginx}/admin/tiers/{tier}"),
            await _lab.Reset(),
        };

        foreach (var reply in replies)
        {
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            Assert.Contains(reply.Headers["X-Config-Propagated"], new[] { "true", "false" });
        }

        // "true" means every instance held it as it answered; after "false" the client waited, as a user would.
        long version = replies[^1].Json["version"]!.GetValue<long>();
        for (int i = 0; i < 3; i++)
        {
            long held = (await _lab.Get($"{_lab.Api(i)}/admin/config")).Json["version"]!.GetValue<long>();
            if (held < version)
            {
                Assert.Fail($"api-{i + 1} holds v{held} after the reset made v{version} (propagated: {string.Join(", ", replies.Select(r => r.Headers["X-Config-Propagated"]))}). Configuration now: {await _lab.ConfigOfEveryInstance()}.");
            }
        }
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadTierRequests => new()
    {
        { "PUT", "/admin/tiers/new-tier|{\"rate_limit\": 10}", HttpStatusCode.BadRequest, "window_size_seconds" },
        { "PUT", "/admin/tiers/new-tier|{\"rate_limit\": 0, \"window_size_seconds\": 60}", HttpStatusCode.BadRequest, "rate_limit" },
        { "PUT", "/admin/tiers/new-tier|{\"rate_limit\": 5, \"window_size_seconds\": 60, \"algorithm\": \"leaky\"}", HttpStatusCode.BadRequest, "algorithm" },
        { "PUT", "/admin/tiers/new-tier|{\"rate_limit\": \"5\", \"window_size_seconds\": 60}", HttpStatusCode.BadRequest, "rate_limit" },
        { "PUT", "/admin/tiers/new-tier|{\"rate_limit\": 5, \"window_size_seconds\": 60, \"burst\": 9}", HttpStatusCode.BadRequest, "burst" },
        { "PUT", "/admin/tiers/bad%20name|{\"rate_limit\": 5, \"window_size_seconds\": 60}", HttpStatusCode.BadRequest, "tier" },
        { "PUT", "/admin/assignments|{\"api_key\": \"k\", \"tier\": \"no-such-tier\"}", HttpStatusCode.BadRequest, "tier" },
        { "PUT", "/admin/assignments|{\"api_key\": \"\", \"tier\": \"default\"}", HttpStatusCode.BadRequest, "api_key" },
        { "PUT", "/admin/assignments|{\"tier\": \"default\"}", HttpStatusCode.BadRequest, "api_key" },
        { "DELETE", "/admin/tiers/no-such-tier|", HttpStatusCode.NotFound, "tier" },
        { "DELETE", "/admin/tiers/default|", HttpStatusCode.BadRequest, "tier" },
    };

    [Theory]
    [MemberData(nameof(BadTierRequests))]
    public async Task A_bad_tier_request_is_refused_naming_the_field_and_changes_nothing(string method, string request, HttpStatusCode status, string field)
    {
        var before = (await _lab.Get($"{_lab.Nginx}/admin/tiers")).Json;
        var parts = request.Split('|', 2);

        var reply = method == "PUT" ? await _lab.Put($"{_lab.Nginx}{parts[0]}", parts[1]) : await _lab.Delete($"{_lab.Nginx}{parts[0]}");

        Assert.Equal(status, reply.Status);
        Assert.Equal(field, reply.Field("field"));
        var after = (await _lab.Get($"{_lab.Nginx}/admin/tiers")).Json;
        Assert.Equal(before["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_tier_with_keys_cannot_be_deleted_until_they_leave_it()
    {
        string tier = $"busy-{Guid.NewGuid():N}"[..20];
        string key = $"busy-key-{Guid.NewGuid():N}";
        await _lab.Put($"{_lab.Nginx}/admin/tiers/{tier}", """{"rate_limit": 5, "window_size_seconds": 60}""");
        await _lab.Put($"{_lab.Nginx}/admin/assignments", $$"""{"api_key": "{{key}}", "tier": "{{tier}}"}""");

        var refused = await _lab.Delete($"{_lab.Nginx}/admin/tiers/{tier}");
        var unassigned = await _lab.Delete($"{_lab.Nginx}/admin/assignments?api_key={Uri.EscapeDataString(key)}");
        var deleted = await _lab.Delete($"{_lab.Nginx}/admin/tiers/{tier}");

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(HttpStatusCode.OK, unassigned.Status);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Null(deleted.Json["tiers"]![tier]);
    }

    [Fact]
    public async Task Without_a_configured_secret_the_bypass_header_changes_nothing()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "grain", "rate_limit": 2, "algorithm": "sliding_window"}""");
        string key = $"no-bypass-{Guid.NewGuid():N}";

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Nginx}/api/request");
            message.Headers.Add("X-API-Key", key);
            message.Headers.Add("X-RateLimit-Bypass", "anything");
            statuses.Add((await _lab.Send(message)).Status);
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
    }
}
