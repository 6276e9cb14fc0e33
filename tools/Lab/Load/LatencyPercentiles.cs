namespace RateLimiterOrleans.Lab.Load;

/// <summary>Latency percentiles of one run, in milliseconds.</summary>
public sealed record LatencyPercentiles(double P50Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public override string ToString() =>
        $"p50 {P50Ms:0.00} ms, p95 {P95Ms:0.00} ms, p99 {P99Ms:0.00} ms, p99.9 {P999Ms:0.00} ms, max {MaxMs:0.00} ms";
}
