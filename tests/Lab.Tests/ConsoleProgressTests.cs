using RateLimiterOrleans.Lab.Commands;

namespace RateLimiterOrleans.Lab.Tests;

/// <summary>While the silos start: one line rewritten in place on a terminal, plain lines elsewhere.</summary>
public sealed class ConsoleProgressTests
{
    [Fact]
    public void On_a_terminal_waiting_for_three_silos_is_one_line_rewritten_in_place()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output, terminal: true);

        WaitForThreeSilos(progress, seconds: 12);

        string text = output.ToString();
        Assert.Contains("\r  waiting for api-1 (12 s), api-2 (12 s), api-3 (12 s)", text);
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith("  api-2 healthy\n", text.Replace("\r\u001b[K", ""));
    }

    [Fact]
    public void Redirected_output_gets_plain_lines_without_control_characters_every_five_seconds()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output, terminal: false);

        WaitForThreeSilos(progress, seconds: 12);

        string text = output.ToString();
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        Assert.Equal(
            ["  waiting for api-1 (5 s), api-2 (4 s), api-3 (4 s)", "  waiting for api-1 (10 s), api-2 (9 s), api-3 (9 s)", "  api-2 healthy"],
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Each silo reports once a second, in turn; api-2 is the last to become healthy.
    private static void WaitForThreeSilos(ConsoleProgress progress, int seconds)
    {
        for (int second = 1; second <= seconds; second++)
        {
            foreach (var silo in new[] { "api-1", "api-2", "api-3" })
            {
                progress.Waiting(silo, TimeSpan.FromSeconds(second));
            }
        }

        progress.DoneWaiting("api-1");
        progress.DoneWaiting("api-3");
        progress.DoneWaiting("api-2");
        progress.Step("api-2 healthy");
    }
}
