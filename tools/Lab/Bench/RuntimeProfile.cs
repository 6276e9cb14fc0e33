using System.Globalization;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// A runtime profile of one silo under one row's load, from <c>dotnet-counters</c>: CPU, GC, allocation,
/// thread pool and lock contention, averaged over the run. It explains what a row's throughput is spent on.
/// </summary>
public static class RuntimeProfile
{
    public sealed record Result(string Row, double DecisionsPerSecond, IReadOnlyDictionary<string, double> Counters);

    /// <summary>The counters the report shows, by the name dotnet-counters prints.</summary>
    public static readonly IReadOnlyList<(string Counter, string Label)> Shown =
    [
        ("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=user]", "CPU user (s/s)"),
        ("dotnet.process.cpu.time (s / 1 sec)[cpu.mode=system]", "CPU system (s/s)"),
        ("dotnet.gc.pause.time (s / 1 sec)", "GC pause (s/s)"),
        ("dotnet.gc.heap.total_allocated (By / 1 sec)", "allocated (MB/s)"),
        ("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]", "gen0 GCs/s"),
        ("dotnet.thread_pool.work_item.count ({work_item} / 1 sec)", "thread-pool work items/s"),
        ("dotnet.monitor.lock_contentions ({contention} / 1 sec)", "lock contentions/s"),
    ];

    /// <summary>Installs dotnet-counters into the lab's own tool folder the first time (a NuGet package).</summary>
    public static async Task<string?> EnsureToolAsync(LabPaths paths)
    {
        string folder = Path.Combine(paths.State, "tools");
        string tool = Path.Combine(folder, "dotnet-counters");
        if (File.Exists(tool))
        {
            return tool;
        }

        int exit = await ProcessRunner.RunAsync("dotnet", ["tool", "install", "dotnet-counters", "--tool-path", folder], _ => { }, timeout: TimeSpan.FromMinutes(5));
        return exit == 0 && File.Exists(tool) ? tool : null;
    }

    /// <summary>Collects the silo's counters while <paramref name="load"/> runs, and averages each over the run.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> CollectAsync(string tool, int pid, TimeSpan duration, Func<Task<WrkRun>> load, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        string output = Path.Combine(workDirectory, $"counters-{pid}-{Guid.NewGuid():N}.csv");
        var collecting = ProcessRunner.RunAsync(tool, ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime",
            "--duration", $"00:00:{(int)duration.TotalMinutes:00}:{duration.Seconds:00}", "-o", output], _ => { }, timeout: duration + TimeSpan.FromMinutes(1));
        await load();
        await collecting;
        if (!File.Exists(output))
        {
            return new Dictionary<string, double>();
        }

        // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment
        return File.ReadLines(output).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields.Length >= 5 && double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .GroupBy(fields => string.Join(',', fields[2..^2]))
            .ToDictionary(g => g.Key, g => g.Average(f => double.Parse(f[^1], CultureInfo.InvariantCulture)));
    }
}
