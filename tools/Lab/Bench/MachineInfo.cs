using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>What the benchmark ran on, read off the machine itself.</summary>
public static class MachineInfo
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> DescribeAsync()
    {
        string cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        string memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        return
        [
            ("CPU", $"{Environment.ProcessorCount} × {cpu}"),
            ("Memory", memory),
            ("OS", $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}"),
            (".NET", Environment.Version.ToString()),
            ("Redis", await FirstLine("redis-server", "--version")),
            ("nginx", await FirstLine("nginx", "-v")),
            ("wrk", await FirstLine("wrk", "--version")),
        ];
    }

    private static async Task<string> FirstLine(string program, string argument)
    {
        var lines = new List<string>();
        await ProcessRunner.RunAsync(Executables.Find(program), [argument], lines.Add, timeout: TimeSpan.FromSeconds(10));
        return lines.FirstOrDefault(l => l.Length > 0)?.Trim() ?? "unknown";
    }
}
