using RateLimiterOrleans.Lab.Load;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_the_recorded_values_within_three_significant_digits()
    {
        var histogram = new LatencyHistogram();
        for (int ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        }

        var p = histogram.Percentiles();

        Assert.Equal(1000, histogram.Count);
        Assert.Equal(500, p.P50Ms, tolerance: 0.5);
        Assert.Equal(950, p.P95Ms, tolerance: 1);
        Assert.Equal(990, p.P99Ms, tolerance: 1);
        Assert.Equal(999, p.P999Ms, tolerance: 1);
        Assert.Equal(1000, p.MaxMs, tolerance: 1);
    }

    [Fact]
    public void Memory_does_not_grow_with_the_number_of_requests_and_outliers_are_kept_up_to_a_minute()
    {
        var histogram = new LatencyHistogram();
        for (int i = 0; i < 1_000_000; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(2));
        }

        histogram.Record(TimeSpan.FromMinutes(5));

        Assert.Equal(1_000_001, histogram.Count);
        Assert.Equal(2, histogram.Percentiles().P999Ms, tolerance: 0.01);
        Assert.Equal(60_000, histogram.Percentiles().MaxMs, tolerance: 60);
    }

    [Fact]
    public void An_empty_run_reports_zeros()
    {
        Assert.Equal(new LatencyPercentiles(0, 0, 0, 0, 0), new LatencyHistogram().Percentiles());
    }
}
