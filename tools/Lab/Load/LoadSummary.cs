namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// What one load run saw. <see cref="OverAdmitted"/> is what the run admitted beyond what the limit allows,
/// fail-open answers included: they are admissions too, and under overload they are where excess comes from.
/// </summary>
public sealed record LoadSummary(
    string Scenario,
    string Target,
    string Mode,
    int Limit,
    int WindowSeconds,
    double Seconds,
    long Requests,
    long Allowed,
    long Rejected,
    long Errors,
    long FailOpen,
    long Dropped,
    IReadOnlyDictionary<string, long> ByInstance,
    long AllowedAtMost,
    long OverAdmitted,
    long RacesDetected,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms)
{
    public string ToText() => string.Join(Environment.NewLine,
    [
        $"scenario        {Scenario} against {Target} (mode {Mode}, limit {Limit} per {WindowSeconds} s)",
        $"requests        {Requests} in {Seconds:0.0} s ({Requests / Math.Max(Seconds, 0.001):0} /s), {Dropped} dropped (no free slot)",
        $"allowed         {Allowed}",
        $"rejected        {Rejected}",
        $"fail-open       {FailOpen} of the allowed were let through because Redis did not answer in time",
        $"errors          {Errors}",
        $"by instance     {string.Join(", ", ByInstance.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}",
        $"over-admission  {OverAdmitted} (admitted {Allowed}; the limit allows at most {AllowedAtMost} over this run)",
        $"races detected  {RacesDetected} during the run",
        $"latency         p50 {LatencyP50Ms:0.00} ms, p95 {LatencyP95Ms:0.00} ms, p99 {LatencyP99Ms:0.00} ms",
    ]);
}
