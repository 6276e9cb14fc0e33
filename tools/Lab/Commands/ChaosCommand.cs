using System.CommandLine;
using System.Diagnostics;
using RateLimiterOrleans.Lab.Chaos;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Setup;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab chaos</c>: starts (or reuses) the lab, puts every mode through every failure, prints the over-admission
/// table and rewrites docs/chaos.md. The lab is left whole, with the seed's configuration.
/// </summary>
public static class ChaosCommand
{
    public static readonly IReadOnlyList<string> Modes = ["local", "grain", "redis_naive", "redis_atomic"];

    public static Command Create(LabPaths paths)
    {
        var modes = OptionValues.List("--modes", $"the modes to measure (default: {string.Join(",", Modes)})");
        var failures = OptionValues.List("--failures", $"the failures to inflict (default: {string.Join(",", ChaosFailure.All.Select(f => f.Name))})");
        var basePort = OptionValues.BasePort();
        var command = new Command("chaos", "measure each mode's over-admission under kill -9, a frozen silo, a rolling restart and Redis outages; rewrite docs/chaos.md")
        {
            modes, failures, basePort,
        };
        command.Validators.Add(result =>
        {
            foreach (string mode in result.GetValue(modes) ?? [])
            {
                if (!Modes.Contains(mode))
                {
                    result.AddError($"--modes: '{mode}' is not a mode; choose from {string.Join(", ", Modes)}");
                }
            }

            foreach (string failure in result.GetValue(failures) ?? [])
            {
                if (ChaosFailure.Named(failure) is null)
                {
                    result.AddError($"--failures: '{failure}' is not a failure; choose from {string.Join(", ", ChaosFailure.All.Select(f => f.Name))}");
                }
            }
        });
        command.SetAction((parse, cancel) =>
        {
            // An array option not given reads as an empty array, not null.
            var chosenModes = parse.IsGiven(modes) ? parse.GetValue(modes)! : [.. Modes];
            var chosenFailures = parse.IsGiven(failures) ? parse.GetValue(failures)!.Select(f => ChaosFailure.Named(f)!).ToList() : [.. ChaosFailure.All];
            return RunAsync(paths, chosenModes, chosenFailures, parse.GetValue(basePort) ?? StackPorts.Default, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, IReadOnlyList<string> modes, IReadOnlyList<ChaosFailure> failures, StackPorts ports, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        Console.WriteLine("lab: checking prerequisites");
        if (!await Prerequisites.EnsureAsync("./lab chaos", Prerequisites.Lab, m => Console.WriteLine($"  {m}")) || !await SiloBuild.BuildAsync(paths, cancel))
        {
            return 1;
        }

        var stack = new LabStack(StackLayout.ForLab(paths), ports, new StackSettings(), new ConsoleProgress());
        var outcome = await stack.UpAsync();
        if (!outcome.Ok)
        {
            Console.Error.WriteLine($"lab: {outcome.Error}");
            return 1;
        }

        using var http = LabHttp.Create();
        var settings = new ChaosSettings();
        var experiment = new ChaosExperiment(stack, http, settings);
        var cells = new List<ChaosCell>();
        Console.WriteLine($"lab: chaos: {modes.Count} modes × {failures.Count} failures through nginx on port {stack.Ports.Nginx}");
        foreach (var mode in modes)
        {
            foreach (var failure in failures)
            {
                var cell = await experiment.RunAsync(mode, failure, cancel);
                cells.Add(cell);
                Console.WriteLine($"lab: chaos: {mode,-12} {failure.Name,-13} over-admission {cell.Text} ({cell.Requests} requests, {cell.Failures} neither 200 nor 429) at {clock.Elapsed.TotalMinutes:0.0} min");
            }
        }

        await new SiloFailures(stack, new ClusterMembership(http, stack.Ports)).RestoreAsync(cancel);
        await LabHttp.RestoreSeedConfigAsync(http, stack.Ports);
        string report = ChaosReport.Markdown(cells, settings, DateTimeOffset.UtcNow, clock.Elapsed);
        string file = Path.Combine(paths.Root, "docs", "chaos.md");
        await File.WriteAllTextAsync(file, report, cancel);
        Console.WriteLine();
        Console.Write(ChaosTable.Render(cells));
        Console.WriteLine();
        Console.WriteLine($"lab: chaos done in {clock.Elapsed.TotalMinutes:0.0} min; wrote {file}");
        return 0;
    }
}
