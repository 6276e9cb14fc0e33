namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>Decision latency percentiles in milliseconds, as the coordinating silo waited for each answer.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double Max);
