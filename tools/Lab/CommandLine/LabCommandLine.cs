using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using RateLimiterOrleans.Lab.Commands;

namespace RateLimiterOrleans.Lab.CommandLine;

/// <summary>
/// <c>./lab</c> and its commands, parsed by System.CommandLine. Every command has <c>--help</c>; an unknown
/// option or argument, or a bad value, ends the run before anything starts, with exit code 2.
/// </summary>
public static class LabCommandLine
{
    public const int UsageError = 2;

    public static Command Build(LabPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var root = new Command("./lab", "The rate limiter lab: three Orleans silos behind nginx, Redis as shared state, natively on this machine.")
        {
            new HelpOption(),
            SetupCommand.Create(paths),
            UpCommand.Create(paths),
            DownCommand.Create(paths),
            StatusCommand.Create(paths),
            LogsCommand.Create(paths),
            LoadCommand.Create(paths),
            BenchCommand.Create(paths),
            ChaosCommand.Create(paths),
            TestCommand.Create(paths),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, LabPaths paths)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Build(paths);
        if (args.Length == 0)
        {
            await root.Parse("--help").InvokeAsync();
            return UsageError;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The errors and "did you mean" for a misspelt option, without the whole help text after them.
            new ParseErrorAction { ShowHelp = false, ShowTypoCorrections = true }.Invoke(parse);
            Console.Error.WriteLine($"See '{string.Join(' ', CommandPath(parse))} --help'.");
            return UsageError;
        }

        try
        {
            return await parse.InvokeAsync();
        }
        catch (TimeoutException e)
        {
            Console.Error.WriteLine($"lab: {e.Message}");
            return 1;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }
}
