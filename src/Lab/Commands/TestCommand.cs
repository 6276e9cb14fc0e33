using System.Text.RegularExpressions;
using RateLimiterOrleans.Lab.Processes;
using RateLimiterOrleans.Lab.Setup;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab test</c>: installs what the tests start (redis-server, nginx), runs every test project,
/// and ends with one "N passed, N failed" line over all of them.
/// </summary>
public static partial class TestCommand
{
    public static async Task<int> RunAsync(LabPaths paths, IReadOnlyList<string> extraArguments)
    {
        if (!await Prerequisites.EnsureAsync(Prerequisites.Servers, Console.WriteLine))
        {
            return 1;
        }

        int passed = 0, failed = 0, skipped = 0;
        int exitCode = await ProcessRunner.RunAsync(
            "dotnet",
            ["test", paths.Solution, "-c", "Release", "--nologo", "-v", "q", "--logger", "console;verbosity=normal", .. extraArguments],
            line =>
            {
                Console.WriteLine(line);
                if (Summary().Match(line) is { Success: true } match)
                {
                    failed += int.Parse(match.Groups["failed"].Value);
                    passed += int.Parse(match.Groups["passed"].Value);
                    skipped += int.Parse(match.Groups["skipped"].Value);
                }
            },
            paths.Root);

        Console.WriteLine($"lab: {passed} passed, {failed} failed, {skipped} skipped");
        return exitCode;
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+), Skipped:\s+(?<skipped>\d+)")]
    private static partial Regex Summary();
}
