using System.CommandLine;
using System.Text.Json;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Load;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab load &lt;scenario&gt;</c>: the k6 scenarios, natively. Shows a live progress line, then the
/// summary: allowed/rejected, per instance, over-admission, races and latency.
/// </summary>
public static class LoadCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(LabPaths paths)
    {
        var scenario = new Argument<string>("scenario") { Description = "basic (k6/basic.js) or high-concurrency (k6/high-concurrency.js)" };
        scenario.AcceptOnlyFromAmong("basic", "high-concurrency");
        var rate = OptionValues.Integer("--rate", 1, 100_000, "requests started per second; high-concurrency's default is 200");
        var duration = OptionValues.Duration("--duration", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), "run length");
        var concurrency = OptionValues.Integer("--concurrency", 1, 10_000, "requests in flight at most");
        var clients = OptionValues.List("--clients", "the X-API-Key values to use, in turn");
        var target = OptionValues.HttpUrl("--target", "where to send (default: the running lab's nginx)");
        var basePort = OptionValues.BasePort();
        var json = new Option<string?>("--json")
        {
            Description = "write the summary as JSON to FILE, or to standard output without one",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("load", "send the k6 scenarios' load natively and summarise it")
        {
            scenario, rate, duration, concurrency, clients, target, basePort, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(target) is not null && result.GetResult(basePort) is not null)
            {
                result.AddError("--target and --base-port both say where to send; give one of them");
            }
        });
        command.SetAction((parse, cancel) =>
        {
            var shape = LoadScenario.Named(parse.GetValue(scenario)!)!;
            shape = shape with
            {
                Rate = parse.GetValue(rate) ?? shape.Rate,
                Duration = parse.GetValue(duration) ?? shape.Duration,
                Concurrency = parse.GetValue(concurrency) ?? shape.Concurrency,
                // An array option not given reads as an empty array, not null.
                Clients = parse.IsGiven(clients) ? parse.GetValue(clients)! : shape.Clients,
            };
            var to = parse.GetValue(target) ?? (parse.GetValue(basePort) is { } ports ? LabTarget(ports) : RunningLabTarget(paths));
            return RunAsync(new LoadOptions(shape, to, parse.GetValue(json), parse.IsGiven(json)), cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancel)
    {
        var target = options.Target ?? new Uri("http://localhost:8080");
        bool jsonToStdout = options.Json && options.JsonFile is null;
        var scenario = options.Scenario;
        Action<string> progress = jsonToStdout ? line => Console.Error.WriteLine(line) : line => Console.WriteLine(line);
        progress($"lab: {scenario.Name}: {(scenario.Rate is { } rate ? $"{rate} requests/s" : $"{scenario.Concurrency} workers")} for {scenario.Duration.TotalSeconds:0} s on {string.Join(",", scenario.Clients)} at {target}");

        LoadSummary summary;
        try
        {
            summary = await new LoadRunner(target, progress).RunAsync(scenario, cancel);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"lab: {target} did not answer ({e.Message}); is the lab up? ('./lab up')");
            return 1;
        }

        if (options.Json)
        {
            string text = JsonSerializer.Serialize(summary, Json);
            if (options.JsonFile is { } file)
            {
                await File.WriteAllTextAsync(file, text, cancel);
            }
            else
            {
                Console.WriteLine(text);
                return 0;
            }
        }

        Console.WriteLine();
        Console.WriteLine(summary.ToText());
        return 0;
    }

    private static Uri LabTarget(StackPorts ports) => new($"http://localhost:{ports.Nginx}");

    private static Uri RunningLabTarget(LabPaths paths) =>
        LabTarget(StackState.Load(StackLayout.ForLab(paths).StateFile)?.Ports ?? StackPorts.Default);
}
