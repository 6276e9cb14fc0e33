using System.Text.Json.Nodes;
using RateLimiterOrleans.Lab.Load;
using Xunit.Abstractions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The seed's exercises 4, 5 and 8 natively: the load tool, a real Prometheus, and the dashboard in a browser.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class ObservabilityTests(ObservabilityFixture fixture, ITestOutputHelper output) : StackTest(fixture)
{
    private readonly LabClient _lab = fixture.Client;

    // The scenario's shape at five times its rate: requests then overlap on a 2-core machine, so the
    // naive race shows within seconds instead of only when a slot frees while two requests are in flight.
    private static readonly LoadScenario Load = LoadScenario.HighConcurrency with { Rate = 1000, Duration = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task The_load_tool_sees_no_over_admission_in_redis_atomic()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 100, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        // A first decision on each silo loads the script and compiles the path, as any warm lab has.
        await _lab.Sequentially($"warm-up-{Guid.NewGuid():N}", 3);

        // The scenario as shipped: 200 requests/s. A fail-open answer is an admission nobody counted.
        var summary = await Run(LoadScenario.HighConcurrency with { Duration = TimeSpan.FromSeconds(5) });

        Assert.Equal(0, summary.FailOpen);
        Assert.Equal(0, summary.OverAdmitted);
        Assert.Equal(100, summary.Allowed);
        Assert.Equal(0, summary.RacesDetected);
        Assert.Equal(0, summary.Errors);
        Assert.Equal(3, summary.ByInstance.Count);
    }

    [Fact]
    public async Task After_a_naive_load_the_load_tool_and_prometheus_both_report_races()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_naive", "rate_limit": 100, "window_size_seconds": 1, "algorithm": "sliding_window"}""");

        var summary = await Run(Load);

        Assert.True(summary.RacesDetected > 0, "The load tool counted no race.");
        Assert.Equal(0, summary.FailOpen);
        double races = await UntilPrometheusReports("sum(race_conditions_detected_total)", value => value > 0, TimeSpan.FromSeconds(40));
        output.WriteLine($"prometheus: sum(race_conditions_detected_total) = {races}");
        Assert.True(races > 0);
    }

    [Fact]
    public async Task Prometheus_scrapes_all_three_silos()
    {
        double up = await UntilPrometheusReports("sum(up{job=\"ratelimiter\"})", value => value == 3, TimeSpan.FromSeconds(40));

        Assert.Equal(3, up);
    }

    [Fact]
    public async Task The_orleans_dashboard_in_a_browser_shows_the_three_silos_through_nginx()
    {
        string url = $"{_lab.Nginx}/dashboard/#/silos";

        string dom = await HeadlessChromium.DumpDomAsync(url, TimeSpan.FromSeconds(15));
        string screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard-silos.png");
        await HeadlessChromium.ScreenshotAsync(url, TimeSpan.FromSeconds(15), screenshot);

        output.WriteLine($"screenshot of {url}: {screenshot}");
        Assert.Contains("Active Silos", dom);
        Assert.All(new[] { "api-1", "api-2", "api-3" }, name => Assert.Contains(name, dom));
        Assert.All(_lab.Ports.Silo, port => Assert.Contains($"127.0.0.1:{port}", dom));
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is empty.");
    }

    private async Task<LoadSummary> Run(LoadScenario scenario)
    {
        await _lab.Reset();
        var summary = await new LoadRunner(new Uri(_lab.Nginx), _ => { }).RunAsync(scenario);
        output.WriteLine(summary.ToText());
        return summary;
    }

    private async Task<double> UntilPrometheusReports(string query, Func<double, bool> condition, TimeSpan deadline)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        double value = double.NaN;
        while (watch.Elapsed < deadline)
        {
            var reply = await _lab.Get($"http://127.0.0.1:{_lab.Ports.Prometheus}/api/v1/query?query={Uri.EscapeDataString(query)}");
            var result = reply.Json["data"]?["result"]?.AsArray();
            if (result is { Count: > 0 } && double.TryParse(result[0]!["value"]![1]!.ToString(), System.Globalization.CultureInfo.InvariantCulture, out value) && condition(value))
            {
                return value;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"Prometheus did not report {query} as expected within {deadline.TotalSeconds} s (last value {value}).");
        return value;
    }
}
