using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Grains.Tests;

namespace RateLimiterOrleans.AspNetCore.Tests;

/// <summary>The adapter's contract besides exactness: bad input, the RateLimiter contract, leases and statistics.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AdapterBehaviourTests(ClusterFixture fixture)
{
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task A_cost_above_the_limit_or_a_bad_key_is_a_400_naming_it()
    {
        await _cluster.Configure(new ConfigPatch("grain", RateLimit: 10, WindowSizeSeconds: 60));
        await using var app = await ProtectedApp.StartAsync(_cluster.Cluster.Client);

        var tooCostly = await app.Get(ClusterFixture.NewClient("costly"), cost: 11);
        var tooLong = await app.Get(new string('k', ClientKey.MaxLength + 1));

        Assert.Equal((HttpStatusCode.BadRequest, "cost"), (tooCostly.StatusCode, (await tooCostly.Content.ReadFromJsonAsync<JsonObject>())!["field"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "key"), (tooLong.StatusCode, (await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_limiter_per_key_follows_the_rate_limiter_contract_and_reports_the_clusters_view()
    {
        await _cluster.Configure(new ConfigPatch("redis_atomic", RateLimit: 5, WindowSizeSeconds: 60));
        using var limiter = new ClusterRateLimiter(_cluster.Cluster.Client, ClusterFixture.NewClient("contract"), new ClusterRateLimiterOptions());

        using var attempted = limiter.AttemptAcquire(1);
        using var first = await limiter.AcquireAsync(2);
        using var second = await limiter.AcquireAsync(3);
        using var refused = await limiter.AcquireAsync(1);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => limiter.AcquireAsync(6).AsTask());
        var statistics = limiter.GetStatistics()!;

        Assert.False(attempted.IsAcquired);
        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.True(first.TryGetMetadata(ClusterLeaseMetadata.Remaining, out int remaining) && remaining == 3);
        Assert.True(first.TryGetMetadata(ClusterLeaseMetadata.Limit, out int limit) && limit == 5);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero);
        Assert.Equal((0, 2, 1), (statistics.CurrentAvailablePermits, statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases));
        Assert.False(limiter.AttemptAcquire(0).IsAcquired);
    }

    [Theory]
    [InlineData(ClusterUnavailablePolicy.Refuse, HttpStatusCode.ServiceUnavailable)]
    [InlineData(ClusterUnavailablePolicy.Admit, HttpStatusCode.OK)]
    public async Task A_cluster_that_cannot_be_reached_gets_the_configured_policy(ClusterUnavailablePolicy policy, HttpStatusCode expected)
    {
        await using var app = await ProtectedApp.StartAsync(SilentCluster.Unreachable(), o => o.WhenClusterUnavailable = policy);

        var response = await app.Get("unreachable").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(policy == ClusterUnavailablePolicy.Refuse, response.Headers.RetryAfter is not null);
        Assert.Equal(policy == ClusterUnavailablePolicy.Admit, response.Headers.Contains(RateLimitHeaders.FailOpenHeader));
    }

    [Theory]
    [InlineData(ClusterUnavailablePolicy.Refuse)]
    [InlineData(ClusterUnavailablePolicy.Admit)]
    public async Task A_cluster_that_does_not_answer_in_time_gets_503_under_either_policy_not_a_hang(ClusterUnavailablePolicy policy)
    {
        await using var app = await ProtectedApp.StartAsync(SilentCluster.Create(), o =>
        {
            o.WhenClusterUnavailable = policy;
            o.DecisionTimeout = TimeSpan.FromMilliseconds(200);
        });

        var response = await app.Get("silent").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.False(response.Headers.Contains(RateLimitHeaders.FailOpenHeader));
    }

    [Fact]
    public async Task Options_that_cannot_limit_anything_stop_the_app_at_start_naming_the_option()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ProtectedApp.StartAsync(SilentCluster.Create(), o =>
        {
            o.Key = null;
            o.DecisionTimeout = TimeSpan.Zero;
        }));

        Assert.Contains("ClusterRateLimiterOptions.Key", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ClusterRateLimiterOptions.DecisionTimeout", failure.Message, StringComparison.Ordinal);
    }
}
