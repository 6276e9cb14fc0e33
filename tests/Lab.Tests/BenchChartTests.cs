using System.Xml.Linq;
using RateLimiterOrleans.Lab.Bench;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class BenchChartTests
{
    [Fact]
    public void The_chart_is_well_formed_svg_with_a_bar_per_row()
    {
        string svg = BenchChart.Render([("baseline (no decision)", 5000, false), ("grain, sliding window", 4000, false), ("local, sliding window", 4200, true)], 5000);

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(4, document.Descendants(ns + "rect").Count());
        Assert.Contains(document.Descendants(ns + "rect"), r => (string?)r.Attribute("fill") == "#d62728");
    }
}
