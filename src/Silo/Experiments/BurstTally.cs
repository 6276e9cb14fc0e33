using System.Collections.Concurrent;
using HdrHistogram;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>The counters of one burst, shared by its concurrent senders.</summary>
internal sealed class BurstTally
{
    // One microsecond to a minute, at three significant digits.
    private readonly LongConcurrentHistogram _latencyMicroseconds = new(1, 60_000_000, 3);
    private readonly ConcurrentDictionary<string, Counters> _byInstance = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _decidedBy = new(StringComparer.Ordinal);
    private long _races;
    private long _failOpen;

    public long Races => Interlocked.Read(ref _races);

    public long FailOpen => Interlocked.Read(ref _failOpen);

    public void Decided(string instance, Decision decision, TimeSpan took)
    {
        var counters = For(instance);
        Interlocked.Increment(ref decision.Allowed ? ref counters.Admitted
            : ref decision.Basis is DecisionBasis.Count or DecisionBasis.LocalFallback ? ref counters.Rejected
            : ref counters.Unavailable);
        _decidedBy.AddOrUpdate(decision.DecidedBy, 1, static (_, n) => n + 1);
        if (decision.RaceDetected)
        {
            Interlocked.Increment(ref _races);
        }

        if (decision.FailedOpen)
        {
            Interlocked.Increment(ref _failOpen);
        }

        _latencyMicroseconds.RecordValue(Math.Clamp((long)took.TotalMicroseconds, 1, _latencyMicroseconds.HighestTrackableValue));
    }

    public void Failed(string instance) => Interlocked.Increment(ref For(instance).Errors);

    public IReadOnlyDictionary<string, InstanceTally> ByInstance() =>
        _byInstance.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
            p => p.Key,
            p => new InstanceTally(p.Value.Admitted, p.Value.Rejected, p.Value.Unavailable, p.Value.Errors));

    public IReadOnlyDictionary<string, long> DecidedBy() =>
        _decidedBy.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary();

    public LatencySummary Latency() => _latencyMicroseconds.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0)
        : new LatencySummary(Milliseconds(50), Milliseconds(90), Milliseconds(99), _latencyMicroseconds.GetMaxValue() / 1000.0);

    private double Milliseconds(double percentile) => _latencyMicroseconds.GetValueAtPercentile(percentile) / 1000.0;

    private Counters For(string instance) => _byInstance.GetOrAdd(instance, static _ => new Counters());

    private sealed class Counters
    {
        public long Admitted;
        public long Rejected;
        public long Unavailable;
        public long Errors;
    }
}
