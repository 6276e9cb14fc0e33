using HdrHistogram;

namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// The latencies of one run in fixed memory, whatever its length: an HdrHistogram with three significant
/// digits from 1 µs to one minute, which many requests may record into at once. A longer latency is
/// recorded as one minute.
/// </summary>
public sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 60_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);

    public long Count => _histogram.TotalCount;

    public void Record(TimeSpan latency) =>
        _histogram.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds));

    public LatencyPercentiles Percentiles() => Count == 0
        ? new LatencyPercentiles(0, 0, 0, 0, 0)
        : new LatencyPercentiles(Ms(50), Ms(95), Ms(99), Ms(99.9), _histogram.GetMaxValue() / 1000.0);

    private double Ms(double percentile) => _histogram.GetValueAtPercentile(percentile) / 1000.0;
}
