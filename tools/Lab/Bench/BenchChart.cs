using System.Globalization;
using System.Text;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>An SVG bar chart of decisions per second per row, with the baseline drawn across for scale.</summary>
public static class BenchChart
{
    public static string Render(IReadOnlyList<(string Name, double DecisionsPerSecond, bool OverAdmits)> rows, double baseline)
    {
        const int barHeight = 22, gap = 8, labelWidth = 330, chartWidth = 460, top = 40;
        double max = Math.Max(baseline, rows.Max(r => r.DecisionsPerSecond)) * 1.1;
        int height = top + rows.Count * (barHeight + gap) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + chartWidth + 90}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Decisions per second through nginx (median of rounds); red: admits more than the limit allows</text>\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var (name, value, overAdmits) = rows[i];
            int y = top + i * (barHeight + gap);
            double width = value / max * chartWidth;
            string colour = name.StartsWith("baseline", StringComparison.Ordinal) ? "#888888" : overAdmits ? "#d62728" : "#1f77b4";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Escape(name)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width:0.0}\" height=\"{barHeight}\" fill=\"{colour}\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:0.0}\" y=\"{y + 16}\">{value:0}</text>\n");
        }

        double baselineX = labelWidth + baseline / max * chartWidth;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{baselineX:0.0}\" y1=\"{top - 6}\" x2=\"{baselineX:0.0}\" y2=\"{height - 24}\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{baselineX:0.0}\" y=\"{height - 8}\" text-anchor=\"middle\" fill=\"#444\">baseline</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
