using System.CommandLine;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary><c>./lab down</c>: stops exactly what <c>up</c> started, silos before Redis.</summary>
public static class DownCommand
{
    public static Command Create(LabPaths paths)
    {
        var basePort = OptionValues.BasePort();
        var command = new Command("down", "stop what 'up' started: nginx, then the silos, then redis") { basePort };
        command.SetAction((parse, _) => RunAsync(paths, parse.GetValue(basePort) ?? StackPorts.Default));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, StackPorts ports)
    {
        var layout = StackLayout.ForLab(paths);
        if (StackState.Load(layout.StateFile) is null)
        {
            Console.WriteLine("lab: nothing is running");
            return 0;
        }

        await new LabStack(layout, ports, new StackSettings(), new ConsoleProgress()).DownAsync();
        Console.WriteLine("lab: down");
        return 0;
    }
}
