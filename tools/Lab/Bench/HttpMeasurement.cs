namespace RateLimiterOrleans.Lab.Bench;

/// <summary>One wrk run against one row, with the CPU the silos, Redis and nginx spent during it.</summary>
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
    long AllowedAtMost)
{
    public double DecisionsPerSecond => Requests / Seconds;

    public double CpuSecondsPer1000 => (SiloCpuSeconds + RedisCpuSeconds) / Math.Max(1, Requests) * 1000;

    public long OverAdmitted => Row.Limited ? Math.Max(0, Allowed - AllowedAtMost) : 0;
}
