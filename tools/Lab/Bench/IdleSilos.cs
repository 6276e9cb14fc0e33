namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// What three silos cost with no request arriving: CPU and context switches over a quiet span, after the load has
/// settled. Membership probes, timers, metrics and the dashboard all run whether anyone calls or not.
/// </summary>
public static class IdleSilos
{
    // Long enough for the last rows' client grains to deactivate (a window of 10 s idle, checked once per window).
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    /// <param name="Silo">api-1, api-2 or api-3.</param>
    /// <param name="CpuShare">The silo's CPU time over the span, as a share of the machine's cores.</param>
    public sealed record Silo(string Name, double CpuShare, double VoluntaryPerSecond, double InvoluntaryPerSecond, int Threads);

    public sealed record Result(TimeSpan Span, IReadOnlyList<Silo> Silos)
    {
        public double CpuShare => Silos.Sum(s => s.CpuShare);
    }

    public static async Task<Result> MeasureAsync(IReadOnlyList<(string Name, int Pid)> silos, TimeSpan span)
    {
        await Task.Delay(Settle);
        var cpuBefore = silos.Select(s => ProcessCpu.Seconds(s.Pid)).ToList();
        var switchesBefore = silos.Select(s => ContextSwitches.Of(s.Pid)).ToList();
        await Task.Delay(span);
        var measured = silos.Select((s, i) =>
        {
            double cpu = ProcessCpu.Seconds(s.Pid) - cpuBefore[i];
            var switches = ContextSwitches.Between(switchesBefore[i], ContextSwitches.Of(s.Pid));
            int threads = Directory.Exists($"/proc/{s.Pid}/task") ? Directory.GetDirectories($"/proc/{s.Pid}/task").Length : 0;
            return new Silo(s.Name, cpu / span.TotalSeconds / Environment.ProcessorCount, switches.Voluntary / span.TotalSeconds, switches.Involuntary / span.TotalSeconds, threads);
        }).ToList();
        return new Result(span, measured);
    }
}
