namespace RateLimiterOrleans.Grains;

/// <summary>
/// One rate-limit decision as it crosses grain boundaries. A rejection is a value, never an exception, and so is
/// a Redis failure or an overloaded silo: <see cref="Basis"/> says what the decision rests on.
/// </summary>
/// <param name="WouldHaveBeenRefused">
/// The client's tier is in shadow mode and its limit refused this request: it is admitted, and says so.
/// </param>
[GenerateSerializer, Immutable]
public sealed record Decision(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] int Limit,
    [property: Id(2)] int Remaining,
    [property: Id(3)] TimeSpan RetryAfter,
    [property: Id(4)] RateLimitMode Mode,
    [property: Id(5)] bool RaceDetected,
    [property: Id(6)] string DecidedBy,
    [property: Id(7)] string Tier,
    [property: Id(8)] RateLimitAlgorithm Algorithm,
    [property: Id(9)] int WindowSizeSeconds,
    [property: Id(10)] DecisionBasis Basis,
    [property: Id(11)] bool WouldHaveBeenRefused = false)
{
    /// <summary>Redis could not decide, so the failure policy did.</summary>
    public bool BackendUnavailable => Basis is DecisionBasis.FailedOpen or DecisionBasis.FailedClosed or DecisionBasis.LocalFallback;

    /// <summary>Allowed without being counted anywhere: the over-admission a fail-open policy accepts.</summary>
    public bool FailedOpen => Basis == DecisionBasis.FailedOpen;
}
