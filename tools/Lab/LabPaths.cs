namespace RateLimiterOrleans.Lab;

/// <summary>Where the repository, its projects and the lab's runtime state (<c>.lab/</c>) are.</summary>
public sealed record LabPaths(string Root)
{
    public string Solution => Path.Combine(Root, "RateLimiterOrleans.sln");

    public string State => Path.Combine(Root, ".lab");

    public string SiloProject => Path.Combine(Root, "src", "Silo", "Silo.csproj");

    public string BenchmarksProject => Path.Combine(Root, "tools", "Benchmarks", "Benchmarks.csproj");

    /// <summary>The Lua script wrk runs in <c>./lab bench</c> to count answers by status and report percentiles.</summary>
    public string WrkScript => Path.Combine(Root, "tools", "Lab", "Bench", "wrk-report.lua");

    /// <summary>The built silo in <paramref name="configuration"/>, as <c>dotnet</c> runs it.</summary>
    public string SiloAssembly(string configuration) =>
        Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "RateLimiterOrleans.Silo.dll");

    /// <summary>The repository root: the nearest folder upwards that holds the solution.</summary>
    public static LabPaths Discover()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RateLimiterOrleans.sln")))
            {
                return new LabPaths(directory.FullName);
            }
        }

        throw new InvalidOperationException("RateLimiterOrleans.sln not found above the lab's binaries.");
    }
}
