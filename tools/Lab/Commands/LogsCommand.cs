using System.CommandLine;
using RateLimiterOrleans.Lab.CommandLine;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary><c>./lab logs &lt;name&gt; [-f]</c>: the last lines of a component's log, optionally following it.</summary>
public static class LogsCommand
{
    public static Command Create(LabPaths paths)
    {
        var component = new Argument<string>("component") { Description = $"whose log: {string.Join(", ", StackNames.All)}" };
        component.AcceptOnlyFromAmong([.. StackNames.All]);
        var follow = new Option<bool>("--follow", "-f") { Description = "keep printing lines as they are written (Ctrl-C stops)" };
        var command = new Command("logs", "show (or follow) the log of redis, api-1, api-2, api-3, nginx or prometheus")
        {
            component,
            follow,
            // The lab keeps one state folder; the option is accepted so every stack command takes the same options.
            OptionValues.BasePort(),
        };
        command.SetAction((parse, cancel) => RunAsync(paths, parse.GetValue(component)!, parse.GetValue(follow), cancel));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, string name, bool follow, CancellationToken cancel)
    {
        string file = StackLayout.ForLab(paths).LogFile(name);
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"lab: no log yet for {name} ({file})");
            return 1;
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        foreach (var line in (await reader.ReadToEndAsync(cancel)).Split('\n').TakeLast(100))
        {
            Console.WriteLine(line);
        }

        while (follow && !cancel.IsCancellationRequested)
        {
            string? line = await reader.ReadLineAsync(cancel);
            if (line is null)
            {
                await Task.Delay(250, cancel).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            Console.WriteLine(line);
        }

        return 0;
    }
}
