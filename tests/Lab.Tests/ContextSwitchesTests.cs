using RateLimiterOrleans.Lab.Bench;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class ContextSwitchesTests
{
    [Fact]
    public void A_span_counts_the_threads_alive_at_its_end_and_never_goes_negative_when_threads_end()
    {
        var before = new Dictionary<string, ContextSwitches.Count>
        {
            ["10"] = new(100, 1_000),
            ["11"] = new(50, 5_000),
        };
        var after = new Dictionary<string, ContextSwitches.Count>
        {
            ["10"] = new(130, 1_200),
            ["12"] = new(7, 3),
        };

        var span = ContextSwitches.Between(before, after);

        Assert.Equal(new ContextSwitches.Count(37, 203), span);
    }

    [Fact]
    public void This_process_has_threads_that_have_switched()
    {
        var threads = ContextSwitches.Of(Environment.ProcessId);

        Assert.NotEmpty(threads);
        Assert.Contains(threads.Values, c => c.Voluntary + c.Involuntary > 0);
    }
}
