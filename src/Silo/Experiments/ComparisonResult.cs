namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>The body of <c>POST /admin/experiments/compare</c>: one burst per mode, and the mode put back afterwards.</summary>
public sealed record ComparisonResult(string Instance, int Requests, int Concurrency, string RestoredMode, IReadOnlyList<BurstResult> Results);
