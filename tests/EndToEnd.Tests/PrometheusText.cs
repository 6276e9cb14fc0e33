using System.Globalization;
using System.Text.RegularExpressions;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>One sample of the Prometheus text format: a series name, its labels and its value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.GetValueOrDefault(name, "");
}

/// <summary>Reads the Prometheus text exposition format, as <c>/metrics</c> serves it.</summary>
public static partial class PrometheusText
{
    public static IReadOnlyList<Sample> Parse(string text) =>
        text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SampleLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new Sample(
                match.Groups["name"].Value,
                LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value),
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();

    public static double Sum(this IEnumerable<Sample> samples, string name, params (string Label, string Value)[] where) =>
        samples.Where(s => s.Name == name && where.All(w => s.Label(w.Label) == w.Value)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelPair();
}
