using System.Net;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Grains.Tests;
using Xunit.Abstractions;

namespace RateLimiterOrleans.AspNetCore.Tests;

/// <summary>
/// What a user relies on when the middleware asks the cluster: the exact modes admit exactly the limit, refusals get
/// the rejection status with Retry-After, shadow mode refuses nothing and counts what it would have refused, and costs
/// add up. The app is an Orleans client of three silos, as the sample is, with the user's settings.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MiddlewareExactnessTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Limit = 100;
    private const int Concurrent = 1_000;
    private readonly RateLimiterCluster _cluster = fixture.Cluster;

    [Theory]
    [InlineData("grain")]
    [InlineData("redis_atomic")]
    public async Task Admits_exactly_the_limit_of_1000_concurrent_requests_and_refuses_the_rest_with_429_and_retry_after(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60));
        await using var app = await ProtectedApp.StartAsync(_cluster.Cluster.Client);

        var responses = await app.GetConcurrently(ClusterFixture.NewClient(mode), Concurrent);

        int admitted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        output.WriteLine($"{mode} through the middleware: {admitted} of {Concurrent} admitted, {refused.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests)} refused with 429");
        Assert.Equal(Limit, admitted);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(refused, r => Assert.InRange(r.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_co_hosted_app_asks_through_its_silo_and_is_as_exact()
    {
        await _cluster.Configure(new ConfigPatch("redis_atomic", RateLimit: Limit, WindowSizeSeconds: 60));
        await using var app = await ProtectedApp.StartAsync(_cluster.Service<IGrainFactory>(1));

        var responses = await app.GetConcurrently(ClusterFixture.NewClient("co-hosted"), 3 * Limit);

        Assert.Equal(Limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("grain")]
    [InlineData("redis_atomic")]
    public async Task Shadow_mode_refuses_nothing_and_counts_exactly_what_it_would_have_refused(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60, Shadow: true));
        await using var app = await ProtectedApp.StartAsync(_cluster.Cluster.Client);
        long countedBefore = ShadowRejectedOnAllSilos(mode);

        var responses = await app.GetConcurrently(ClusterFixture.NewClient($"shadow-{mode}"), Concurrent);

        int marked = responses.Count(r => r.Headers.TryGetValues("X-RateLimit-Shadow", out var v) && v.Single() == "would-refuse");
        long counted = ShadowRejectedOnAllSilos(mode) - countedBefore;
        output.WriteLine($"{mode} in shadow through the middleware: {responses.Count(r => r.StatusCode == HttpStatusCode.OK)} of {Concurrent} admitted, {marked} marked would-refuse, {counted} counted shadow_rejected");
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(Concurrent - Limit, marked);
        Assert.Equal(Concurrent - Limit, counted);
    }

    [Theory]
    [InlineData("grain")]
    [InlineData("redis_atomic")]
    public async Task Costs_add_up_exactly(string mode)
    {
        await _cluster.Configure(new ConfigPatch(mode, RateLimit: Limit, WindowSizeSeconds: 60));
        await using var app = await ProtectedApp.StartAsync(_cluster.Cluster.Client);
        string key = ClusterFixture.NewClient($"cost-{mode}");

        var responses = await app.GetConcurrently(key, 200, cost: 3);
        var single = await app.Get(key, cost: 1);

        output.WriteLine($"{mode}, cost 3 against a limit of {Limit}: {responses.Count(r => r.StatusCode == HttpStatusCode.OK)} of 200 admitted");
        Assert.Equal(Limit / 3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal("\"default\";r=0", single.Headers.GetValues("RateLimit").Single());
    }

    private long ShadowRejectedOnAllSilos(string mode) =>
        Enumerable.Range(0, _cluster.Silos.Count).Sum(i => _cluster.Service<SiloDecisionStats>(i).DecisionsByMode()[mode][RateLimiterMetrics.ShadowRejected]);
}
