namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// The body of <c>POST /admin/experiments/burst</c>. <see cref="LimitAllows"/> is the most the client's policy
/// admits over the burst's duration; <see cref="OverAdmission"/> is what was admitted beyond it, fail-open
/// answers included, since they were admitted too.
/// </summary>
public sealed record BurstResult(
    string Instance,
    string Client,
    string Mode,
    string Algorithm,
    string Tier,
    int Limit,
    int WindowSizeSeconds,
    int Requests,
    int Concurrency,
    double Seconds,
    long Admitted,
    long Rejected,
    long Unavailable,
    long Errors,
    long LimitAllows,
    long OverAdmission,
    long Races,
    long FailOpen,
    IReadOnlyDictionary<string, InstanceTally> ByInstance,
    IReadOnlyDictionary<string, long> DecidedBy,
    LatencySummary LatencyMs);
