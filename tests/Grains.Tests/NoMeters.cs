using System.Diagnostics.Metrics;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>Meters for code under test outside a silo, listened to by nobody.</summary>
public sealed class NoMeters : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(meter => meter.Dispose());
}
