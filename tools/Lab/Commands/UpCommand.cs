using RateLimiterOrleans.Lab.Setup;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab up</c>: installs missing servers, builds the silo, starts Redis, three silos and nginx, waits
/// until all are healthy and prints the URLs. Running it again starts only what is not running.
/// </summary>
public static class UpCommand
{
    public static async Task<int> RunAsync(LabPaths paths, StackOptions options)
    {
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine("lab: checking prerequisites");
        var programs = options.Observability ? Prerequisites.Lab.Concat(Prerequisites.Observability).ToDictionary() : Prerequisites.Lab;
        if (!await Prerequisites.EnsureAsync(programs, m => Console.WriteLine($"  {m}")))
        {
            return 1;
        }

        Console.WriteLine("lab: building the silo (Release)");
        if (!await SiloBuild.BuildAsync(paths))
        {
            return 1;
        }

        Console.WriteLine(options.Observability ? "lab: starting redis, api-1..3, nginx and prometheus" : "lab: starting redis, api-1..3 and nginx");
        var stack = new LabStack(StackLayout.ForLab(paths), options.Ports, new StackSettings(Observability: options.Observability), new ConsoleProgress());
        var outcome = await stack.UpAsync();
        if (!outcome.Ok)
        {
            Console.Error.WriteLine($"lab: {outcome.Error}");
            Console.Error.WriteLine("lab: what did start is still running; './lab down' stops it.");
            return 1;
        }

        Console.WriteLine($"lab: up in {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s");
        Console.WriteLine();
        Console.WriteLine(UrlTable.Render(stack.Ports, options.Observability));
        return 0;
    }
}
