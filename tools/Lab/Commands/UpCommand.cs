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
            Description = "also run a native Prometheus (port 9090, or base+9) scraping the three silos, and serve the Orleans dashboard",
        };
        var affinity = new Option<bool>("--affinity")
        {
            Description = "nginx hashes the API key (consistent hashing) instead of round-robin, so each client's requests and grain stay on one silo",
        };
        var command = new Command("up", "install missing servers, build, start redis, api-1..3 and nginx (and prometheus), wait until healthy")
        {
            basePort,
            observability,
            affinity,
        };
        command.SetAction((parse, cancel) => RunAsync(paths, parse.GetValue(basePort) ?? StackPorts.Default, new StackSettings(Observability: parse.GetValue(observability), Affinity: parse.GetValue(affinity)), cancel));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, StackPorts ports, StackSettings settings, CancellationToken cancel)
    {
        bool observability = settings.Observability;
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
        var stack = new LabStack(StackLayout.ForLab(paths), ports, settings, new ConsoleProgress());
        var outcome = await stack.UpAsync();
        if (!outcome.Ok)
        {
            Console.Error.WriteLine($"lab: {outcome.Error}");
            Console.Error.WriteLine("lab: what did start is still running; './lab down' stops it.");
            return 1;
        }

        // An nginx that was already running keeps balancing as this command asks, round-robin or affinity.
        stack.RebalanceNginx(settings.Affinity);
        Console.WriteLine($"lab: up in {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s{(settings.Affinity ? "; nginx routes by API key (affinity)" : "")}");
        Console.WriteLine();
        Console.WriteLine(UrlTable.Render(stack.Ports, observability));
        return 0;
    }
}
