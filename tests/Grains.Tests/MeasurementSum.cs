using System.Diagnostics.Metrics;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>Sums what one instrument of some meters measures from now on, as an exporter would count it.</summary>
public sealed class MeasurementSum : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public MeasurementSum(IEnumerable<Meter> meters, string instrument)
    {
        var watched = meters.ToHashSet();
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (watched.Contains(published.Meter) && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
