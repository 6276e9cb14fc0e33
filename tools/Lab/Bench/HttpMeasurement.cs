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

    /// <summary>
    /// The share of its requests that were a client's first (every run uses keys no earlier run used), expected from how
    /// many it made: with keys drawn at random among C, N requests reach C × (1 − (1 − 1/C)^N) distinct clients.
    /// </summary>
    public double FirstRequestShare => Set.Keys == BenchKeys.Random
        ? Set.Clients * (1 - Math.Pow(1 - 1.0 / Set.Clients, Requests)) / Math.Max(1, Requests)
        : Math.Min(Set.Clients, Requests) / (double)Math.Max(1, Requests);

    public long OverAdmitted => Row.Limited ? Math.Max(0, Allowed - AllowedAtMost) : 0;
}
