using System.CommandLine;
using System.Diagnostics;
using RateLimiterOrleans.Lab.Bench;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Setup;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab bench</c>: starts (or reuses) the lab, measures every mode side by side with the baseline,
/// the peers and Redis' own ceiling, then memory and the micro-benchmarks, and rewrites docs/benchmarks.md.
/// </summary>
public static class BenchCommand
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(20);

    private const int IdleWindows = 6;

    public static Command Create(LabPaths paths)
    {
        var duration = OptionValues.Duration("--duration", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2), "each HTTP row's measured run");
        var rounds = OptionValues.Integer("--rounds", 1, 10, "rounds over every row, in alternating order");
        var connections = OptionValues.Integer("--connections", 1, 1024, "wrk's open connections");
        var scaleClients = OptionValues.Integer("--scale-clients", 1_000, 1_000_000, "one-off clients for the silo memory measurement");
        var noMicro = new Option<bool>("--no-micro") { Description = "skip the BenchmarkDotNet micro-benchmarks" };
        var sets = OptionValues.List("--sets", $"the row sets to measure, of {string.Join(", ", BenchRowSet.All.Select(s => s.Id))} (default: all)");
        sets.Validators.Add(result =>
        {
            if (result.GetValue(sets)?.FirstOrDefault(id => BenchRowSet.Find(id) is null) is { } unknown)
            {
                result.AddError($"--sets names an unknown set '{unknown}'; the sets are {string.Join(", ", BenchRowSet.All.Select(s => s.Id))}");
            }
        });
        var basePort = OptionValues.BasePort();
        var command = new Command("bench", "measure every mode against a baseline, peers and Redis' ceiling; rewrite docs/benchmarks.md")
        {
            duration, rounds, connections, scaleClients, noMicro, sets, basePort,
        };
        command.SetAction((parse, cancel) =>
        {
            var defaults = new BenchOptions();
            var options = defaults with
            {
                Duration = parse.GetValue(duration) ?? defaults.Duration,
                Rounds = parse.GetValue(rounds) ?? defaults.Rounds,
                Connections = parse.GetValue(connections) ?? defaults.Connections,
                ScaleClients = parse.GetValue(scaleClients) ?? defaults.ScaleClients,
                Micro = !parse.GetValue(noMicro),
                Sets = parse.GetValue(sets) is { Length: > 0 } ids ? BenchRowSet.All.Where(s => ids.Any(id => BenchRowSet.Find(id) == s)).ToList() : defaults.Sets,
            };
            return RunAsync(paths, options, parse.GetValue(basePort) ?? StackPorts.Default, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, BenchOptions options, StackPorts ports, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        Console.WriteLine("lab: checking prerequisites");
        if (!await Prerequisites.EnsureAsync("./lab bench", [.. Prerequisites.Lab, .. Prerequisites.Bench], m => Console.WriteLine($"  {m}")) || !await SiloBuild.BuildAsync(paths, cancel))
        {
            return 1;
        }

        var layout = StackLayout.ForLab(paths);
        var stack = new LabStack(layout, ports, new StackSettings(), new ConsoleProgress());
        var outcome = await stack.UpAsync();
        if (!outcome.Ok)
        {
            Console.Error.WriteLine($"lab: {outcome.Error}");
            return 1;
        }

        var state = StackState.Load(layout.StateFile)!;
        using var http = LabHttp.Create();

        Action<string> progress = Console.WriteLine;
        Console.WriteLine($"lab: bench: {options.Sets.Sum(s => s.Rows.Count)} rows in {options.Sets.Count} sets × {options.Rounds} rounds × {options.Duration.TotalSeconds:0} s through nginx");
        var httpBench = new HttpBench(stack, state, options, paths.WrkScript, http, progress);
        var measurements = await httpBench.RunAsync();

        Console.WriteLine($"lab: bench: three idle silos, {IdleWindows} windows of {IdleWindow.TotalSeconds:0} s");
        var idle = await IdleSilos.MeasureAsync(
            Enumerable.Range(0, StackPorts.Silos).Select(i => (StackNames.Api(i), state.Components[StackNames.Api(i)].Pid)).ToList(), IdleWindow, IdleWindows, IdleSilos.Settle);

        IReadOnlyList<RuntimeProfile.Result> profiles = [];
        if (await RuntimeProfile.EnsureToolAsync(paths) is { } counters)
        {
            Console.WriteLine("lab: bench: runtime profile of api-1 (dotnet-counters) for the baseline and the rows with targets");
            profiles = await httpBench.ProfileAsync(counters, ["baseline (no decision)", "grain, sliding window", "redis_atomic, sliding window", "peer: RedisRateLimiting sliding window"], Path.Combine(paths.State, "bench"));
        }

        Console.WriteLine("lab: bench: Redis' ceiling (redis-benchmark) and the in-process store, 50 in flight");
        var ceiling = await RedisCeiling.RunAsync(stack.Ports.Redis, 50, 200_000, 10_000_000);
        var store = await StoreDecisionRun.RunAsync(stack.Ports.Redis, 50, options.Duration);

        Console.WriteLine("lab: bench: memory per client in Redis (scratch server) and in the silos");
        var redisMemory = await RedisMemory.RunAsync(paths.State, [10_000, 100_000]);
        var siloMemory = await new SiloMemory(stack.Ports, http, progress).RunAsync(options.ScaleClients);

        IReadOnlyList<(string Name, string Markdown)> micro = [];
        if (options.Micro)
        {
            Console.WriteLine("lab: bench: micro-benchmarks (BenchmarkDotNet)");
            micro = await MicroBench.RunAsync(paths, progress);
        }

        await LabHttp.RestoreSeedConfigAsync(http, stack.Ports);
        var results = new BenchResults(options, await MachineInfo.DescribeAsync(), measurements, idle, ceiling, store, redisMemory, siloMemory, micro, profiles, clock.Elapsed);
        string docs = Path.Combine(paths.Root, "docs");
        BenchReport.Write(results, docs);
        Console.WriteLine($"lab: bench done in {clock.Elapsed.TotalMinutes:0.0} min; wrote {Path.Combine(docs, "benchmarks.md")} and benchmarks.svg");
        return 0;
    }
}
