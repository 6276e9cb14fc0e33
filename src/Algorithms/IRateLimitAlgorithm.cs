namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The state of one client under one algorithm. Implementations are not thread-safe:
/// the caller (a grain turn or a lock) provides mutual exclusion.
/// </summary>
public interface IRateLimitAlgorithm
{
    /// <summary>
    /// Decides one request that costs <paramref name="permits"/> and records it when it is admitted; a rejection
    /// leaves no trace. A request is admitted whole or not at all.
    /// </summary>
    /// <param name="permits">From 1 to the policy's limit.</param>
    LimitDecision TryAcquire(int permits = 1);

    /// <summary>How many permits would still be admitted right now, without recording anything.</summary>
    int Available();

    /// <summary>
    /// How many permits count as used when this state is handed to the other algorithm: the admissions still in
    /// <paramref name="window"/> for the sliding window, the tokens missing from a full bucket for the token bucket.
    /// </summary>
    int UsedWithin(TimeSpan window);

    /// <summary>Forgets every admitted request.</summary>
    void Clear();
}
