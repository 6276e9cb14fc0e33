using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary><c>./lab down</c>: stops exactly what <c>up</c> started, silos before Redis.</summary>
public static class DownCommand
{
    public static async Task<int> RunAsync(LabPaths paths, StackOptions options)
    {
        var layout = StackLayout.ForLab(paths);
        if (StackState.Load(layout.StateFile) is null)
        {
            Console.WriteLine("lab: nothing is running");
            return 0;
        }

        await new LabStack(layout, options.Ports, new StackSettings(), new ConsoleProgress()).DownAsync();
        Console.WriteLine("lab: down");
        return 0;
    }
}
