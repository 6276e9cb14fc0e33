using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Testing;

/// <summary>The test projects of the solution, as <c>dotnet sln list</c> names them: every <c>*.Tests.csproj</c>.</summary>
public static class TestProjects
{
    public static async Task<IReadOnlyList<string>> InSolutionAsync(LabPaths paths, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var lines = new List<string>();
        int exit = await ProcessRunner.RunAsync("dotnet", ["sln", paths.Solution, "list"], lines.Add, paths.Root, timeout: TimeSpan.FromMinutes(1), cancellationToken: cancel);
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet sln list failed:\n{string.Join('\n', lines)}");
        }

        return lines
            .Select(line => line.Trim())
            .Where(line => line.EndsWith(".Tests.csproj", StringComparison.Ordinal))
            .Select(line => Path.GetFullPath(Path.Combine(paths.Root, line)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The project's name, as the summary prints it: <c>Grains.Tests</c>.</summary>
    public static string Name(string project) => Path.GetFileNameWithoutExtension(project);
}
