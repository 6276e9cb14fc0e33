namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The body of <c>GET /api/request</c>, with the seed's fields first. <c>decided_by</c> is the silo whose
/// count decided, which in <c>grain</c> mode is where the client's activation lives. <c>fail_open</c> marks
/// a request let through because Redis could not decide.
/// </summary>
public sealed record RequestResponse(
    string Status,
    string Instance,
    string Client,
    string Mode,
    int Limit,
    int Remaining,
    long RetryAfter,
    string Tier,
    string Algorithm,
    string DecidedBy,
    bool RaceDetected,
    bool FailOpen,
    bool Bypassed);
