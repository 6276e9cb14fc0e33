using RateLimiterOrleans.Lab.Commands;
using RateLimiterOrleans.Lab.Testing;

namespace RateLimiterOrleans.Lab.Tests;

/// <summary>How <c>./lab test</c> judges a run: it never passes empty, and a hang outranks everything.</summary>
public sealed class TestRunTests
{
    private static readonly TrxCounts Green = new(Total: 10, Passed: 9, Failed: 0, Skipped: 1);

    [Fact]
    public void Every_project_reporting_tests_and_none_failing_is_all_passed()
    {
        var runs = new[] { new ProjectRun("A.Tests", 0, Green, false), new ProjectRun("B.Tests", 0, Green, false) };

        Assert.Equal(TestRunOutcome.AllPassed, TestCommand.Judge(runs, projectsInSolution: 2, filtered: false));
    }

    [Fact]
    public void A_project_that_ran_no_test_fails_the_run()
    {
        var runs = new[] { new ProjectRun("A.Tests", 0, Green, false), new ProjectRun("B.Tests", 0, new TrxCounts(0, 0, 0, 0), false) };

        Assert.Equal(TestRunOutcome.RanEmpty, TestCommand.Judge(runs, 2, filtered: false));
    }

    [Fact]
    public void Fewer_reports_than_test_projects_in_the_solution_fail_the_run()
    {
        var runs = new[] { new ProjectRun("A.Tests", 0, Green, false), new ProjectRun("B.Tests", 0, null, false) };

        Assert.Equal(TestRunOutcome.RanEmpty, TestCommand.Judge(runs, 2, filtered: false));
        Assert.Equal(TestRunOutcome.RanEmpty, TestCommand.Judge([new ProjectRun("A.Tests", 0, Green, false)], 3, filtered: false));
        Assert.Equal(TestRunOutcome.RanEmpty, TestCommand.Judge([], 0, filtered: false));
    }

    [Fact]
    public void With_a_filter_a_project_may_match_nothing_but_the_run_must_test_something()
    {
        var someMatched = new[] { new ProjectRun("A.Tests", 0, Green, false), new ProjectRun("B.Tests", 0, new TrxCounts(0, 0, 0, 0), false) };
        var noneMatched = new[] { new ProjectRun("A.Tests", 0, new TrxCounts(0, 0, 0, 0), false) };

        Assert.Equal(TestRunOutcome.AllPassed, TestCommand.Judge(someMatched, 2, filtered: true));
        Assert.Equal(TestRunOutcome.RanEmpty, TestCommand.Judge(noneMatched, 1, filtered: true));
    }

    [Fact]
    public void A_failed_test_or_a_crashed_test_host_fails_the_run()
    {
        Assert.Equal(TestRunOutcome.TestsFailed, TestCommand.Judge([new ProjectRun("A.Tests", 1, Green with { Failed = 1 }, false)], 1, false));
        Assert.Equal(TestRunOutcome.TestsFailed, TestCommand.Judge([new ProjectRun("A.Tests", 1, new TrxCounts(0, 0, 0, 0), false)], 1, false));
    }

    [Fact]
    public void A_hang_is_reported_as_a_hang_whatever_else_happened()
    {
        var runs = new[] { new ProjectRun("A.Tests", 1, Green with { Failed = 2 }, false), new ProjectRun("B.Tests", 1, null, true) };

        Assert.Equal(TestRunOutcome.Hung, TestCommand.Judge(runs, 2, filtered: false));
        Assert.Equal(4, (int)TestRunOutcome.Hung);
        Assert.Equal("a test hung and was stopped", TestRunOutcome.Hung.Meaning());
    }

    [Fact]
    public void The_trx_counts_are_read_with_skipped_tests_as_those_not_executed()
    {
        WithTrx("""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Failed">
                <Counters total="12" executed="10" passed="7" failed="2" error="1" timeout="0" aborted="0" notExecuted="0" />
              </ResultSummary>
            </TestRun>
            """,
            file =>
            {
                Assert.Equal(new TrxCounts(Total: 12, Passed: 7, Failed: 3, Skipped: 2), TrxReport.Read(file)?.Counts);
                Assert.Null(TrxReport.Read(file + ".missing"));
            });
    }

    [Fact]
    public void The_failed_tests_are_read_with_the_first_line_of_their_message()
    {
        WithTrx("""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="A.Tests.Passes" outcome="Passed" />
                <UnitTestResult testName="A.Tests.Fails" outcome="Failed">
                  <Output><ErrorInfo><Message>Assert.Equal() Failure: Values differ
            Expected: 20
            Actual:   21</Message><StackTrace>at A.Tests.Fails()</StackTrace></ErrorInfo></Output>
                </UnitTestResult>
              </Results>
            </TestRun>
            """,
            file =>
            {
                var report = TrxReport.Read(file)!;
                Assert.Equal([new TrxFailure("A.Tests.Fails", "Assert.Equal() Failure: Values differ")], report.Failures);
                Assert.Null(report.Counts);
            });
    }

    private static void WithTrx(string content, Action<string> test)
    {
        string file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.trx");
        File.WriteAllText(file, content);
        try
        {
            test(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
