namespace RateLimiterOrleans.Grains;

/// <summary>What a decision rests on: the mode's own count, or, when that count could not be consulted, which fallback.</summary>
[GenerateSerializer]
public enum DecisionBasis
{
    /// <summary>The mode's own count decided: exact in <c>grain</c> and <c>redis_atomic</c>.</summary>
    Count,

    /// <summary>Redis could not decide and the failure policy is <c>open</c>: allowed, uncounted, and marked.</summary>
    FailedOpen,

    /// <summary>Redis could not decide and the failure policy is <c>closed</c>: refused with 503.</summary>
    FailedClosed,

    /// <summary>Redis could not decide and the failure policy is <c>local</c>: this silo's own count of limit / live silos decided.</summary>
    LocalFallback,

    /// <summary>
    /// This silo had too many decisions in flight, or Redis did not answer in time on a live connection: refused
    /// with 503 and Retry-After, and nothing was counted.
    /// </summary>
    Overloaded,

    /// <summary>
    /// <c>grain</c>: this activation was replaced by a newer one (its silo was frozen and declared dead meanwhile):
    /// refused with 503, uncounted; the retry reaches the new activation.
    /// </summary>
    Fenced,
}
