namespace RateLimiterOrleans.Grains;

/// <summary>What one tier allows: a limit per window, counted by one algorithm.</summary>
/// <param name="Shadow">
/// Decide and count as usual, but admit what the limit would refuse and mark it: how a limit is rolled out before
/// it is enforced (Envoy's <c>shadow_mode</c>, nginx's <c>limit_req_dry_run</c>).
/// </param>
[GenerateSerializer, Immutable]
public sealed record TierLimits(
    [property: Id(0)] int RateLimit,
    [property: Id(1)] int WindowSizeSeconds,
    [property: Id(2)] RateLimitAlgorithm Algorithm,
    [property: Id(3)] bool Shadow = false)
{
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSizeSeconds);
}
