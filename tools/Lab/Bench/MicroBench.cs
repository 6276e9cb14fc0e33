using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>Runs the BenchmarkDotNet project and returns each class's GitHub-flavoured table.</summary>
public static class MicroBench
{
    public static async Task<IReadOnlyList<(string Name, string Markdown)>> RunAsync(LabPaths paths, Action<string> progress)
    {
        string project = paths.BenchmarksProject;
        if (!File.Exists(project))
        {
            return [];
        }

        string artifacts = Path.Combine(paths.State, "bench", "micro");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        var output = new List<string>();
        int exit = await ProcessRunner.RunAsync("dotnet", ["run", "-c", "Release", "--project", project, "--", "--filter", "*", "--job", "short", "--exporters", "github", "--artifacts", artifacts], output.Add, paths.Root, timeout: TimeSpan.FromMinutes(30));
        if (exit != 0)
        {
            progress($"  micro-benchmarks failed (exit {exit}); last lines:\n{string.Join('\n', output.TakeLast(15))}");
            return [];
        }

        string results = Path.Combine(artifacts, "results");
        return Directory.EnumerateFiles(results, "*-report-github.md")
            .Order(StringComparer.Ordinal)
            .Select(file => (Path.GetFileName(file).Replace("-report-github.md", "").Split('.').Last(), File.ReadAllText(file)))
            .ToList();
    }
}
