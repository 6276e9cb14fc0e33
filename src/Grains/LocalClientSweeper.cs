using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Forgets the <c>local</c> mode's idle clients on this silo, so its memory follows the clients counted in their
/// window rather than every client it ever saw. It checks once per the default window (within 1 to 60 s), or every
/// <c>RateLimiter:IdleCheck</c>; a client's count is forgotten only when it holds nothing, so a client whose tier has
/// a longer window keeps its count.
/// </summary>
internal sealed partial class LocalClientSweeper(
    LocalClientWindows windows,
    ClusterConfigCache config,
    IOptions<RateLimiterOptions> options,
    TimeProvider time,
    ILogger<LocalClientSweeper> logger) : BackgroundService
{
    // The period follows the configuration, so the loop looks at it every tick rather than sleeping a whole old window.
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await config.WhenReady().AsTask().WaitAsync(stoppingToken);
        var check = options.Value.IdleCheck;
        var tick = check > TimeSpan.Zero && check < Tick ? check : Tick;
        long lastSweep = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(tick, time, stoppingToken);
            if (time.GetElapsedTime(lastSweep) < IdleDeactivation.Period(config.Current.Config.DefaultLimits.Window, check))
            {
                continue;
            }

            lastSweep = time.GetTimestamp();
            if (windows.ForgetIdle() is > 0 and var forgotten)
            {
                LogForgot(forgotten, windows.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forgot {Forgotten} idle local clients; {Remaining} still counted on this silo")]
    private partial void LogForgot(int forgotten, int remaining);
}
