namespace RateLimiterOrleans.Lab.Bench;

/// <summary>One wrk run against one row, with the CPU the silos, Redis and nginx spent during it.</summary>
/// <param name="Settled">How long the row waited, before it started, for the client grains of earlier rows to deactivate.</param>
/// <param name="GrainsLeft">Client grains of earlier rows still active when it started anyway (0 when they all went).</param>
public sealed record HttpMeasurement(
    BenchRowSet Set,
    BenchRow Row,
    int Round,
    long Requests,
    long Allowed,
    long Rejected,
    long Other,
    double Seconds,
    double P50Ms,
    double P99Ms,
    double P999Ms,
    double SiloCpuSeconds,
    double RedisCpuSeconds,
    double NginxCpuSeconds,
    long AllowedAtMost,
    TimeSpan Settled,
    long GrainsLeft)
{
    public double DecisionsPerSecond => Requests / Seconds;

    public double CpuSecondsPer1000 => (SiloCpuSeconds + RedisCpuSeconds) / Math.Max(1, Requests) * 1000;

    public long OverAdmitted => Row.Limited ? Math.Max(0, Allowed - AllowedAtMost) : 0;
}
