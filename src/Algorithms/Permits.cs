namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The rule for a request's cost, checked where a request comes in: at least one permit, and no more than the
/// limit could ever admit. The algorithms still refuse a larger cost on their own, because the limit can be
/// lowered between that check and the decision.
/// </summary>
public static class Permits
{
    /// <summary>Null when <paramref name="permits"/> is a valid cost under <paramref name="limit"/>; otherwise why it is not.</summary>
    public static string? Validate(int permits, int limit) =>
        permits < 1 ? $"must be at least 1, got {permits}"
        : permits > limit ? $"must be at most the limit of {limit}, got {permits}"
        : null;
}
