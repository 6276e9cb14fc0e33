namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// What one load run saw. <see cref="OverAdmitted"/> is what the run admitted beyond what the limit allows, fail-open
/// answers included: they are admissions too. It is split by cause: the fail-open answers (Redis could not decide, so
/// nothing counted them), and the rest, which only a race between a count and its write can admit.
/// At a fixed rate, latency runs from the time each request was due to be sent, not from when it was: a
/// load generator that measured from the actual send would leave out the wait a stalled server imposed on
/// the requests queued behind it (coordinated omission).
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
    LatencyPercentiles Latency,
    bool LatencyFromIntendedStart)
{
    /// <summary>The over-admission that fail-open answers explain: at most all of it.</summary>
    public long OverAdmittedByFailOpen => Math.Min(OverAdmitted, FailOpen);

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
        $"  by cause      {OverAdmittedByFailOpen} from fail-open answers, {OverAdmitted - OverAdmittedByFailOpen} from races",
        $"races detected  {RacesDetected} in the answers of this run",
        $"latency         {Latency}",
        LatencyFromIntendedStart
            ? "                from each request's scheduled start, so a stall counts against every request it held back"
            : "                from each request's start",
    ]);
}
