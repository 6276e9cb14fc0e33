using System.Net;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>What <c>/metrics</c> on each silo says after real traffic, checked against what the clients saw.</summary>
[Collection(StackCollection.Name)]
public sealed class MetricsTests(StackFixture fixture, ITestOutputHelper output) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;

    [Theory]
    [InlineData("local")]
    [InlineData("grain")]
    [InlineData("redis_naive")]
    [InlineData("redis_atomic")]
    public async Task Decisions_on_each_silo_equal_the_requests_it_served_by_mode_and_result(string mode)
    {
        await _lab.ConfigureEveryInstance($$"""{"mode": "{{mode}}", "rate_limit": 10, "window_size_seconds": 60}""");
        var before = await ScrapeAll();
        string client = $"metrics-{mode}-{Guid.NewGuid():N}";

        // Local counts per silo: 60 requests over three silos put more than 10 on at least one, so every mode
        // both admits and rejects, and the metrics are checked for both results.
        int requests = mode == "local" ? 60 : 30;
        var replies = new List<Reply>();
        for (int i = 0; i < requests; i++)
        {
            replies.Add(await _lab.Request(client));
        }

        var after = await ScrapeAll();
        foreach (var instance in new[] { "api-1", "api-2", "api-3" })
        {
            foreach (var (result, status) in new[] { ("allowed", HttpStatusCode.OK), ("rejected", HttpStatusCode.TooManyRequests) })
            {
                double counted = Delta(before, after, instance, "rate_limit_decisions_total", ("mode", mode), ("algorithm", "sliding_window"), ("result", result));
                int served = replies.Count(r => r.Field("instance") == instance && r.Status == status);
                Assert.Equal(served, counted);
            }

            double timed = Delta(before, after, instance, "rate_limit_check_duration_seconds_count", ("mode", mode));
            Assert.Equal(replies.Count(r => r.Field("instance") == instance), timed);
        }

        Assert.Contains(replies, r => r.Status == HttpStatusCode.TooManyRequests);
        if (mode == "local")
        {
            // Each silo admits exactly 10 of the requests it served, whatever share of them nginx sent it.
            Assert.All(replies.GroupBy(r => r.Field("instance")), served =>
                Assert.Equal(Math.Min(10, served.Count()), served.Count(r => r.Status == HttpStatusCode.OK)));
        }
        else
        {
            Assert.Equal(10, replies.Count(r => r.Status == HttpStatusCode.OK));
        }
    }

    [Fact]
    public async Task Every_silo_exports_the_series_the_dashboard_and_the_seed_query()
    {
        await _lab.Request($"metrics-series-{Guid.NewGuid():N}");

        for (int i = 0; i < 3; i++)
        {
            var samples = await Scrape(_lab.Api(i));
            string instance = $"api-{i + 1}";
            Assert.Contains(samples, s => s.Name == "race_conditions_detected_total" && s.Label("instance") == instance);
            Assert.Equal(4, samples.Count(s => s.Name == "rate_limit_backend_errors_total" && s.Label("instance") == instance));
            Assert.Contains(samples, s => s.Name == "http_requests_received_total");
            Assert.Contains(samples, s => s.Name.StartsWith("microsoft_orleans_", StringComparison.Ordinal));
            Assert.DoesNotContain(samples, s => s.Name.StartsWith("private_internaldiagnostics", StringComparison.Ordinal));
            var buckets = samples.Where(s => s.Name == "rate_limit_check_duration_seconds_bucket").Select(s => s.Label("le")).Distinct().ToList();
            Assert.True(buckets.Count >= 15, $"Only {buckets.Count} latency buckets.");
            output.WriteLine($"{instance}: {samples.Count} samples, {samples.Select(s => s.Name).Distinct().Count()} series names");
        }
    }

    private async Task<Dictionary<string, IReadOnlyList<Sample>>> ScrapeAll()
    {
        var all = new Dictionary<string, IReadOnlyList<Sample>>();
        for (int i = 0; i < 3; i++)
        {
            all[$"api-{i + 1}"] = await Scrape(_lab.Api(i));
        }

        return all;
    }

    private async Task<IReadOnlyList<Sample>> Scrape(string baseUrl)
    {
        var reply = await _lab.Get($"{baseUrl}/metrics");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return PrometheusText.Parse(reply.Text);
    }

    private static double Delta(
        Dictionary<string, IReadOnlyList<Sample>> before,
        Dictionary<string, IReadOnlyList<Sample>> after,
        string instance,
        string name,
        params (string, string)[] where)
    {
        var withInstance = where.Append(("instance", instance)).ToArray();
        return after[instance].Sum(name, withInstance) - before[instance].Sum(name, withInstance);
    }
}
