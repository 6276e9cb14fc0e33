namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The body of <c>GET /api/request</c>, with the seed's fields first. <c>decided_by</c> is the silo whose
/// count decided, which in <c>grain</c> mode is where the client's activation lives. <c>fail_open</c> marks
/// a request let through uncounted because Redis could not decide. <c>basis</c> says what decided: the mode's
/// count, a failure policy, or an overload. <c>would_have_been_refused</c> marks a request admitted only because its
/// tier is in shadow mode: its <c>status</c> is <c>ok</c>, as the caller was served.
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
    bool Bypassed,
    int Cost,
    string Basis,
    bool WouldHaveBeenRefused);
