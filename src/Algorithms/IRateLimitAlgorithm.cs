namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// The state of one client under one algorithm. Implementations are not thread-safe:
/// the caller (a grain turn or a lock) provides mutual exclusion.
/// </summary>
public interface IRateLimitAlgorithm
{
    /// <summary>Decides one request and records it when it is admitted; a rejection leaves no trace.</summary>
    LimitDecision TryAcquire();

    /// <summary>How many requests would still be admitted right now, without recording anything.</summary>
    int Available();

    /// <summary>Forgets every admitted request.</summary>
    void Clear();
}
