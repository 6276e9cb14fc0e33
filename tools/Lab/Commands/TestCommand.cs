using System.CommandLine;
using RateLimiterOrleans.Lab.Setup;
using RateLimiterOrleans.Lab.Testing;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// <c>./lab test</c>: installs what the tests start, builds the solution, then runs its test projects one at a
/// time and reads what each reported from its TRX file. It fails, rather than passing empty, when a test
/// project runs no test or does not report, and when a test hangs; its last line names the exit code.
/// </summary>
public static class TestCommand
{
    /// <summary>How long one test may run before the run is stopped as hung.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(10);

    private const string HangMessage = "The specified inactivity time of";

    public static Command Create(LabPaths paths)
    {
        var command = new Command("test", "install what the tests need, build, then run every test project one at a time; other arguments go to 'dotnet test' (e.g. --filter)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancel) => RunAsync(paths, parse.UnmatchedTokens, cancel));
        return command;
    }

    public static async Task<int> RunAsync(LabPaths paths, IReadOnlyList<string> extraArguments, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(extraArguments);
        if (!await Prerequisites.EnsureAsync("./lab test", Prerequisites.Test, m => Console.WriteLine($"lab: {m}")) || !await BuildAsync(paths, cancel))
        {
            return Finish([], 0, TestRunOutcome.SetupFailed);
        }

        var projects = await TestProjects.InSolutionAsync(paths, cancel);
        string results = Path.Combine(paths.State, "test-results");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        // One test project at a time: the cluster tests and the end-to-end stacks would otherwise share two
        // cores, and timing-sensitive behaviour (deadlines, failover) would be measured under the other's load.
        var runs = new List<ProjectRun>();
        foreach (var project in projects)
        {
            Console.WriteLine($"lab: testing {TestProjects.Name(project)} ({runs.Count + 1} of {projects.Count})");
            var run = await RunProjectAsync(paths, project, results, extraArguments, cancel);
            Console.WriteLine($"lab: {run.Name}: {run.Describe()}");
            runs.Add(run);
        }

        bool filtered = extraArguments.Contains("--filter");
        return Finish(runs, projects.Count, Judge(runs, projects.Count, filtered));
    }

    /// <summary>The outcome of a run: a hang first, then failures, then anything that ran empty.</summary>
    public static TestRunOutcome Judge(IReadOnlyList<ProjectRun> runs, int projectsInSolution, bool filtered)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Any(r => r.Hung))
        {
            return TestRunOutcome.Hung;
        }

        if (runs.Any(r => r.ExitCode != 0 || r.Counts is { Failed: > 0 }))
        {
            return TestRunOutcome.TestsFailed;
        }

        // With a --filter, a project may rightly match nothing; the run as a whole still must test something.
        bool empty = filtered ? runs.Sum(r => r.Counts?.Total ?? 0) == 0 : runs.Any(r => r.Counts is not { Total: > 0 });
        return empty || runs.Count(r => r.Counts is not null) != projectsInSolution || projectsInSolution == 0
            ? TestRunOutcome.RanEmpty
            : TestRunOutcome.AllPassed;
    }

    private static async Task<bool> BuildAsync(LabPaths paths, CancellationToken cancel)
    {
        Console.WriteLine("lab: building the solution (Release)");
        var output = new List<string>();
        if (await ProcessRunner.RunAsync("dotnet", ["build", paths.Solution, "-c", "Release", "-v", "q", "--nologo"], output.Add, paths.Root, timeout: TimeSpan.FromMinutes(15), cancellationToken: cancel) == 0)
        {
            return true;
        }

        output.ForEach(Console.WriteLine);
        return false;
    }

    private static async Task<ProjectRun> RunProjectAsync(LabPaths paths, string project, string results, IReadOnlyList<string> extraArguments, CancellationToken cancel)
    {
        string name = TestProjects.Name(project);
        bool hung = false;
        int exit = await ProcessRunner.RunAsync(
            "dotnet",
            [
                "test", project, "-c", "Release", "--no-build", "--nologo", "-m:1",
                "--logger", "console;verbosity=normal", "--logger", $"trx;LogFileName={name}.trx", "--results-directory", results,
                "--blame-hang-timeout", $"{HangTimeout.TotalMinutes:0}m", "--blame-hang-dump-type", "none",
                .. extraArguments,
            ],
            line =>
            {
                Console.WriteLine(line);
                hung |= line.Contains(HangMessage, StringComparison.Ordinal);
            },
            paths.Root,
            cancellationToken: cancel);
        var report = TrxReport.Read(Path.Combine(results, $"{name}.trx"));
        return new ProjectRun(name, exit, report?.Counts, hung) { Failures = report?.Failures ?? [] };
    }

    private static int Finish(IReadOnlyList<ProjectRun> runs, int projectsInSolution, TestRunOutcome outcome)
    {
        foreach (var run in runs)
        {
            foreach (var failure in run.Failures)
            {
                Console.WriteLine($"lab: FAILED {failure.Test}: {failure.Message}");
            }
        }

        int reported = runs.Count(r => r.Counts is not null);
        Console.WriteLine(
            $"lab: {runs.Sum(r => r.Counts?.Passed ?? 0)} passed, {runs.Sum(r => r.Counts?.Failed ?? 0)} failed, {runs.Sum(r => r.Counts?.Skipped ?? 0)} skipped " +
            $"in {reported} of {projectsInSolution} test projects: exit {(int)outcome} ({outcome.Meaning()})");
        return (int)outcome;
    }
}
