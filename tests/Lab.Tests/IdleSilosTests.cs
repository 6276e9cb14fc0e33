using RateLimiterOrleans.Lab.Bench;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class IdleSilosTests
{
    [Fact]
    public async Task Every_window_is_reported_and_the_span_adds_up_to_what_the_windows_measured()
    {
        using var spinning = new CancellationTokenSource();
        var spinner = Task.Run(() =>
        {
            while (!spinning.IsCancellationRequested)
            {
                Thread.SpinWait(1_000);
            }
        });

        var result = await IdleSilos.MeasureAsync([("this process", Environment.ProcessId)], TimeSpan.FromMilliseconds(300), windows: 3, settle: TimeSpan.Zero);
        await spinning.CancelAsync();
        await spinner;

        Assert.Equal(3, result.Windows.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(900), result.Span);
        Assert.All(result.Windows, share => Assert.True(share > 0, "a process spinning a thread used no CPU in a window"));
        Assert.Equal(result.Windows.Average(), result.CpuShare, precision: 6);
        Assert.Equal("this process", Assert.Single(result.Silos).Name);
    }
}
