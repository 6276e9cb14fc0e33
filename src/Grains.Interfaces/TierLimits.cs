namespace RateLimiterOrleans.Grains;

/// <summary>What one tier allows: a limit per window, counted by one algorithm.</summary>
[GenerateSerializer, Immutable]
public sealed record TierLimits(
    [property: Id(0)] int RateLimit,
    [property: Id(1)] int WindowSizeSeconds,
    [property: Id(2)] RateLimitAlgorithm Algorithm)
{
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSizeSeconds);
}
