using System.CommandLine;
using RateLimiterOrleans.Lab.Bench;
using RateLimiterOrleans.Lab.Setup;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab setup</c>: installs, in one go, everything <c>up</c>, <c>test</c> and <c>bench</c> would install on
/// first use: the apt packages, the NuGet packages of the solution and dotnet-counters. Nothing is started.
/// </summary>
public static class SetupCommand
{
    public static Command Create(LabPaths paths)
    {
        var command = new Command("setup", "install what up, test and bench need (apt packages, NuGet packages, dotnet-counters), and start nothing");
        command.SetAction((_, cancel) => RunAsync(paths, cancel));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, CancellationToken cancel)
    {
        Console.WriteLine("lab: setup: programs the lab, the tests and the benchmarks run");
        if (!await Prerequisites.EnsureAsync("./lab setup", Prerequisites.All, m => Console.WriteLine($"  {m}")))
        {
            return 1;
        }

        Console.WriteLine("lab: setup: NuGet packages of the solution (dotnet restore)");
        var output = new List<string>();
        if (await ProcessRunner.RunAsync("dotnet", ["restore", paths.Solution, "--nologo", "-v", "q"], output.Add, paths.Root, timeout: TimeSpan.FromMinutes(15), cancellationToken: cancel) != 0)
        {
            output.ForEach(Console.Error.WriteLine);
            Console.Error.WriteLine("lab: dotnet restore failed");
            return 1;
        }

        Console.WriteLine("lab: setup: dotnet-counters, which ./lab bench attaches to a silo");
        if (await RuntimeProfile.EnsureToolAsync(paths) is null)
        {
            Console.Error.WriteLine("lab: dotnet-counters could not be installed; ./lab bench will run without its runtime profile");
            return 1;
        }

        Console.WriteLine("lab: setup done; './lab up', './lab test' and './lab bench' will install nothing more");
        return 0;
    }
}
