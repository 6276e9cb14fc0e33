namespace RateLimiterOrleans.Lab.Load;

/// <summary>The nearest-rank percentile of sorted latencies: a value that was actually observed.</summary>
public static class Percentile
{
    public static double Of(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
