using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary><c>./lab status</c>: each component's pid, port and health. Exits 0 only when all are healthy.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(LabPaths paths, StackOptions options)
    {
        var stack = new LabStack(StackLayout.ForLab(paths), options.Ports, new StackSettings(), new ConsoleProgress());
        var statuses = await stack.StatusAsync();
        Console.WriteLine($"{"component",-10} {"pid",-8} {"state",-10} url");
        foreach (var s in statuses)
        {
            string state = !s.Running ? "stopped" : s.Healthy ? "healthy" : "unhealthy";
            Console.WriteLine($"{s.Name,-10} {s.Pid?.ToString() ?? "-",-8} {state,-10} {s.Url}");
        }

        return statuses.All(s => s.Healthy) ? 0 : 1;
    }
}
