using System.CommandLine;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Setup;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab up</c>: installs missing servers, builds the silo, starts Redis, three silos and nginx, waits
/// until all are healthy and prints the URLs. Running it again starts only what is not running.
/// </summary>
public static class UpCommand
{
    public static Command Create(LabPaths paths)
    {
        var basePort = OptionValues.BasePort();
        var observability = new Option<bool>("--observability")
        {
            Description = "also run a native Prometheus (port 9090, or base+9) scraping the three silos",
        };
        var command = new Command("up", "install missing servers, build, start redis, api-1..3 and nginx (and prometheus), wait until healthy")
        {
            basePort,
            observability,
        };
        command.SetAction((parse, cancel) => RunAsync(paths, parse.GetValue(basePort) ?? StackPorts.Default, parse.GetValue(observability), cancel));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, StackPorts ports, bool observability, CancellationToken cancel)
    {
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine("lab: checking prerequisites");
        var programs = observability ? [.. Prerequisites.Lab, .. Prerequisites.Observability] : Prerequisites.Lab;
        if (!await Prerequisites.EnsureAsync(observability ? "./lab up --observability" : "./lab up", programs, m => Console.WriteLine($"  {m}")))
        {
            return 1;
        }

        Console.WriteLine("lab: building the silo (Release)");
        if (!await SiloBuild.BuildAsync(paths, cancel))
        {
            return 1;
        }

        Console.WriteLine(observability ? "lab: starting redis, api-1..3, nginx and prometheus" : "lab: starting redis, api-1..3 and nginx");
        var stack = new LabStack(StackLayout.ForLab(paths), ports, new StackSettings(Observability: observability), new ConsoleProgress());
        var outcome = await stack.UpAsync();
        if (!outcome.Ok)
        {
            Console.Error.WriteLine($"lab: {outcome.Error}");
            Console.Error.WriteLine("lab: what did start is still running; './lab down' stops it.");
            return 1;
        }

        Console.WriteLine($"lab: up in {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s");
        Console.WriteLine();
        Console.WriteLine(UrlTable.Render(stack.Ports, observability));
        return 0;
    }
}
