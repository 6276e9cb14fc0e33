using System.Text.Json;
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

    public static async Task<int> RunAsync(LabPaths paths, IReadOnlyList<string> args)
    {
        var (options, error) = LoadOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine($"lab: {error}");
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }

        var target = options.Target ?? RunningLabTarget(paths);
        bool jsonToStdout = options.Json && options.JsonFile is null;
        var scenario = options.Scenario;
        Action<string> progress = jsonToStdout ? line => Console.Error.WriteLine(line) : line => Console.WriteLine(line);
        progress($"lab: {scenario.Name}: {(scenario.Rate is { } rate ? $"{rate} requests/s" : $"{scenario.Concurrency} workers")} for {scenario.Duration.TotalSeconds:0} s on {string.Join(",", scenario.Clients)} at {target}");

        LoadSummary summary;
        try
        {
            summary = await new LoadRunner(target, progress).RunAsync(scenario);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"lab: {target} did not answer ({e.Message}); is the lab up? ('./lab up')");
            return 1;
        }

        if (options.Json)
        {
            string json = JsonSerializer.Serialize(summary, Json);
            if (options.JsonFile is { } file)
            {
                await File.WriteAllTextAsync(file, json);
            }
            else
            {
                Console.WriteLine(json);
                return 0;
            }
        }

        Console.WriteLine();
        Console.WriteLine(summary.ToText());
        return 0;
    }

    private static Uri RunningLabTarget(LabPaths paths) =>
        StackState.Load(StackLayout.ForLab(paths).StateFile) is { } state
            ? new Uri($"http://localhost:{state.Ports.Nginx}")
            : new Uri("http://localhost:8080");
}
