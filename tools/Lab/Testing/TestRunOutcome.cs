namespace RateLimiterOrleans.Lab.Testing;

/// <summary><c>./lab test</c>'s exit codes. 2 is the command line's (<see cref="CommandLine.LabCommandLine.UsageError"/>).</summary>
public enum TestRunOutcome
{
    AllPassed = 0,
    TestsFailed = 1,
    SetupFailed = 3,
    Hung = 4,
    RanEmpty = 5,
}

public static class TestRunOutcomeText
{
    public static string Meaning(this TestRunOutcome outcome) => outcome switch
    {
        TestRunOutcome.AllPassed => "all passed",
        TestRunOutcome.TestsFailed => "tests failed",
        TestRunOutcome.SetupFailed => "the prerequisites or the build failed",
        TestRunOutcome.Hung => "a test hung and was stopped",
        _ => "a test project ran no test or did not report",
    };
}
