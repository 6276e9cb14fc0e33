using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RateLimiterOrleans.Lab;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// The Grafana dashboard shipped for Docker users queries only metrics a live silo exports. The files'
/// structure is checked without a stack in RateLimiterOrleans.Lab.Tests.RepositoryFileTests.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed partial class GrafanaQueryTests(ObservabilityFixture fixture) : StackTest(fixture)
{
    private static readonly string Root = LabPaths.Discover().Root;

    // PromQL words and the labels the panels group by: everything else in an expression is a metric name.
    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "rate", "increase", "by", "without", "histogram_quantile", "avg", "max", "min", "count", "irate",
        "instance", "mode", "result", "algorithm", "le", "code", "method", "job",
    ];

    [Fact]
    public async Task Every_grafana_panel_queries_only_metrics_the_silos_export()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "observability", "grafana", "dashboards", "rate-limiter.json")))!;
        var exported = await ExportedMetricNames();

        var panels = dashboard["panels"]!.AsArray();
        Assert.NotEmpty(panels);
        foreach (var panel in panels)
        {
            var expressions = panel!["targets"]!.AsArray().Select(t => t!["expr"]!.ToString()).ToList();
            Assert.NotEmpty(expressions);
            var names = expressions.SelectMany(e => Identifiers().Matches(StringLiteral().Replace(e, "")).Select(m => m.Value));
            foreach (var name in names.Where(n => !PromQlWords.Contains(n)))
            {
                Assert.True(exported.Contains(name), $"Panel '{panel["title"]}' queries '{name}', which no silo exports.");
            }
        }
    }

    private async Task<HashSet<string>> ExportedMetricNames()
    {
        var reply = await fixture.Client.Get($"{fixture.Client.Api(0)}/metrics");
        return PrometheusText.Parse(reply.Text).Select(s => s.Name).ToHashSet();
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\b")]
    private static partial Regex Identifiers();
}
