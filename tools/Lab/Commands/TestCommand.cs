using System.CommandLine;
using System.Text.RegularExpressions;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Lab.Setup;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab test</c>: installs what the tests start (redis-server, nginx, prometheus, chromium), runs every test project,
/// and ends with one "N passed, N failed" line over all of them.
/// </summary>
public static partial class TestCommand
{
    public static Command Create(LabPaths paths)
    {
        var command = new Command("test", "install what the tests need, then run every test project; other arguments go to 'dotnet test' (e.g. --filter)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancel) => RunAsync(paths, parse.UnmatchedTokens, cancel));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, IReadOnlyList<string> extraArguments, CancellationToken cancel)
    {
        if (!await Prerequisites.EnsureAsync("./lab test", Prerequisites.Test, m => Console.WriteLine($"lab: {m}")))
        {
            return 1;
        }

        int passed = 0, failed = 0, skipped = 0;
        // One test project at a time (-m:1): the cluster tests and the end-to-end stacks would otherwise share
        // two cores, and timing-sensitive behaviour (deadlines, failover) would be measured under the other's load.
        int exitCode = await ProcessRunner.RunAsync(
            "dotnet",
            ["test", paths.Solution, "-c", "Release", "--nologo", "-v", "q", "-m:1", "--logger", "console;verbosity=normal", .. extraArguments],
            line =>
            {
                Console.WriteLine(line);
                if (SummaryLine().Match(line) is { Success: true } match)
                {
                    int count = int.Parse(match.Groups["count"].Value);
                    switch (match.Groups["outcome"].Value)
                    {
                        case "Passed": passed += count; break;
                        case "Failed": failed += count; break;
                        default: skipped += count; break;
                    }
                }
            },
            paths.Root);

        Console.WriteLine($"lab: {passed} passed, {failed} failed, {skipped} skipped");
        return exitCode;
    }

    // The console logger ends each test assembly with "Total tests: N", then "Passed: N", "Failed: N", "Skipped: N" lines.
    [GeneratedRegex(@"^\s+(?<outcome>Passed|Failed|Skipped):\s+(?<count>\d+)\s*$")]
    private static partial Regex SummaryLine();
}
