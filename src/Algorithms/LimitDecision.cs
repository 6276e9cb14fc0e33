namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The outcome of one rate-limit check. A rejection is a value, never an exception,
/// so callers branch on <see cref="Allowed"/> instead of catching.
/// </summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Limit">The limit in force when the decision was made.</param>
/// <param name="Remaining">
/// How many more permits would be admitted right now. A rejected request that costs more than this can have
/// a positive remaining.
/// </param>
/// <param name="RetryAfter">Zero when allowed; otherwise how long until the same request would be admitted.</param>
public readonly record struct LimitDecision(bool Allowed, int Limit, int Remaining, TimeSpan RetryAfter)
{
    public static LimitDecision Admit(int limit, int remaining) => new(true, limit, remaining, TimeSpan.Zero);

    public static LimitDecision Reject(int limit, int remaining, TimeSpan retryAfter) => new(false, limit, remaining, retryAfter);
}
