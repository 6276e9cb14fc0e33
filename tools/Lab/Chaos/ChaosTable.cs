using System.Text;

namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>The cells of a run as a markdown table: a row per mode, a column per failure, in the order they ran.</summary>
public static class ChaosTable
{
    public static string Render(IReadOnlyList<ChaosCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var failures = cells.Select(c => c.Failure).Distinct().ToList();
        var modes = cells.Select(c => c.Mode).Distinct().ToList();
        var table = new StringBuilder();
        table.Append("| mode | ").AppendJoin(" | ", failures.Select(f => f.Column)).Append(" |\n");
        table.Append("|---|").AppendJoin("", failures.Select(_ => "---|")).Append('\n');
        foreach (var mode in modes)
        {
            var row = failures.Select(f => cells.FirstOrDefault(c => c.Mode == mode && c.Failure == f)?.Text ?? "not run");
            table.Append("| `").Append(mode).Append("` | ").AppendJoin(" | ", row).Append(" |\n");
        }

        return table.ToString();
    }
}
