namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// What three silos cost with no request arriving: CPU and context switches over a quiet span, after the load has
/// settled. Membership probes, timers and metrics all run whether anyone calls or not.
/// The span is measured as consecutive windows: on a shared machine one 30 s window of the same idle silos read
/// anywhere from 1.8% to 4.3%, so the figure is the whole span's and the report shows how far the windows spread.
/// </summary>
public static class IdleSilos
{
    /// <summary>
    /// Long enough for the last rows' client grains to deactivate (a window of 10 s idle, checked once per window), and
    /// for each silo to let go of the bench's peer limiters (dropped 30 to 60 s after their last request, disposed 30 s
    /// later), which no silo outside a bench ever builds.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    /// <param name="Silo">api-1, api-2 or api-3.</param>
    /// <param name="CpuShare">The silo's CPU time over the span, as a share of the machine's cores.</param>
    public sealed record Silo(string Name, double CpuShare, double VoluntaryPerSecond, double InvoluntaryPerSecond, int Threads);

    /// <param name="Windows">The silos' CPU share together in each consecutive window of the span.</param>
    public sealed record Result(TimeSpan Span, IReadOnlyList<Silo> Silos, IReadOnlyList<double> Windows)
    {
        public double CpuShare => Silos.Sum(s => s.CpuShare);
    }

    public static async Task<Result> MeasureAsync(IReadOnlyList<(string Name, int Pid)> silos, TimeSpan window, int windows, TimeSpan settle)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        await Task.Delay(settle);
        var cpuAtStart = silos.Select(s => ProcessCpu.Seconds(s.Pid)).ToList();
        var switchesAtStart = silos.Select(s => ContextSwitches.Of(s.Pid)).ToList();
        var shares = new List<double>();
        var cpuLastRead = cpuAtStart;
        for (int i = 0; i < windows; i++)
        {
            await Task.Delay(window);
            var cpuNow = silos.Select(s => ProcessCpu.Seconds(s.Pid)).ToList();
            shares.Add(cpuNow.Select((cpu, s) => cpu - cpuLastRead[s]).Sum() / window.TotalSeconds / Environment.ProcessorCount);
            cpuLastRead = cpuNow;
        }

        var span = window * windows;
        var measured = silos.Select((s, i) =>
        {
            var switches = ContextSwitches.Between(switchesAtStart[i], ContextSwitches.Of(s.Pid));
            int threads = Directory.Exists($"/proc/{s.Pid}/task") ? Directory.GetDirectories($"/proc/{s.Pid}/task").Length : 0;
            double cpu = cpuLastRead[i] - cpuAtStart[i];
            return new Silo(s.Name, cpu / span.TotalSeconds / Environment.ProcessorCount, switches.Voluntary / span.TotalSeconds, switches.Involuntary / span.TotalSeconds, threads);
        }).ToList();
        return new Result(span, measured, shares);
    }
}
