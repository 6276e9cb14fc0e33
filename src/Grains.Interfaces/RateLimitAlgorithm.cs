namespace RateLimiterOrleans.Grains;

/// <summary>How a count is kept, whatever the mode: every mode runs both.</summary>
[GenerateSerializer]
public enum RateLimitAlgorithm
{
    /// <summary>At most <c>rate_limit</c> requests in any <c>window_size_seconds</c>.</summary>
    SlidingWindow,

    /// <summary>Bursts up to <c>rate_limit</c>, refilled at <c>rate_limit / window_size_seconds</c> per second.</summary>
    TokenBucket,
}
