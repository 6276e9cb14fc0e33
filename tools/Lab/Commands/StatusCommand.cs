using System.CommandLine;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab status</c>: each component's pid, port and health (a silo's <c>/health/ready</c>; "not ready" when
/// only <c>/health/live</c> answers). Exits 0 only when all are healthy.
/// </summary>
public static class StatusCommand
{
    public static Command Create(LabPaths paths)
    {
        var basePort = OptionValues.BasePort();
        var command = new Command("status", "show each component's pid and health; exit 0 only when all are healthy") { basePort };
        command.SetAction((parse, _) => RunAsync(paths, parse.GetValue(basePort) ?? StackPorts.Default));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, StackPorts ports)
    {
        var stack = new LabStack(StackLayout.ForLab(paths), ports, new StackSettings(), new ConsoleProgress());
        var statuses = await stack.StatusAsync();
        Console.WriteLine($"{"component",-10} {"pid",-8} {"state",-10} url");
        foreach (var s in statuses)
        {
            string state = !s.Running ? "stopped" : s.Healthy ? "healthy" : s.Live == true ? "not ready" : "unhealthy";
            Console.WriteLine($"{s.Name,-10} {s.Pid?.ToString() ?? "-",-8} {state,-10} {s.Url}");
        }

        return statuses.All(s => s.Healthy) ? 0 : 1;
    }
}
