namespace RateLimiterOrleans.Lab.Testing;

/// <summary>One test project's run: its exit code, what its TRX file reported (null: none), and whether a test hung.</summary>
public sealed record ProjectRun(string Name, int ExitCode, TrxCounts? Counts, bool Hung)
{
    /// <summary>The tests that failed, as its TRX file names them.</summary>
    public IReadOnlyList<TrxFailure> Failures { get; init; } = [];

    public string Describe() => (Counts, Hung) switch
    {
        (_, true) => $"a test hung for {Commands.TestCommand.HangTimeout.TotalMinutes:0} min and was stopped (exit {ExitCode})",
        (null, _) => $"no report (exit {ExitCode})",
        ({ Total: 0 }, _) => $"ran no test (exit {ExitCode})",
        ({ } c, _) => $"{c.Passed} passed, {c.Failed} failed, {c.Skipped} skipped (exit {ExitCode})",
    };
}
