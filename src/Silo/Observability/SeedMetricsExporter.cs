using System.Diagnostics.Metrics;
using Prometheus;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Observability;

/// <summary>
/// Publishes this silo's <see cref="RateLimiterMetrics"/> at <c>/metrics</c> under the seed's names, types and labels:
/// its exercises query <c>race_conditions_detected_total</c> and its Grafana dashboard the others. prometheus-net's
/// own meter adapter would prefix every name with the meter's and turn counters into gauges, so the mapping is
/// written out here, one series per instrument.
/// </summary>
public sealed class SeedMetricsExporter : IDisposable
{
    private static readonly Counter Decisions = Metrics.CreateCounter(
        "rate_limit_decisions_total", "Rate-limit decisions by mode, algorithm and result: allowed, rejected, or shadow_rejected (admitted by a shadow tier that would have refused it).",
        new CounterConfiguration { LabelNames = ["instance", "mode", "algorithm", "result"] });

    private static readonly Counter Races = Metrics.CreateCounter(
        "race_conditions_detected_total", "Admissions that found the count above the limit when they counted again (redis_naive).",
        new CounterConfiguration { LabelNames = ["instance"] });

    private static readonly Histogram CheckDuration = Metrics.CreateHistogram(
        "rate_limit_check_duration_seconds", "Time to decide one request, from the silo that took it.",
        new HistogramConfiguration { LabelNames = ["instance", "mode"], Buckets = [.. RateLimiterMetrics.DurationBuckets] });

    private static readonly Counter BackendErrors = Metrics.CreateCounter(
        "rate_limit_backend_errors_total", "Decisions Redis could not make, so the failure policy made them.",
        new CounterConfiguration { LabelNames = ["instance", "mode"] });

    private static readonly Counter Overloaded = Metrics.CreateCounter(
        "rate_limit_overloaded_total", "Requests refused with 503, uncounted: too many decisions in flight here, or a replaced grain activation.",
        new CounterConfiguration { LabelNames = ["instance"] });

    private static readonly Counter JournalWrites = Metrics.CreateCounter(
        "rate_limit_grain_journal_writes_total", "Grain-mode journal writes to Redis, by purpose: claim, reserve or hand over.",
        new CounterConfiguration { LabelNames = ["instance", "purpose"] });

    private static readonly Counter Bypass = Metrics.CreateCounter(
        "rate_limit_bypass_total", "Requests that carried the bypass header, by outcome.",
        new CounterConfiguration { LabelNames = ["instance", "outcome"] });

    private readonly MeterListener _listener = new();
    private readonly string _instance;

    public SeedMetricsExporter(RateLimiterMetrics metrics, InstanceName instance)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance.Value;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Several silos can share a process (the cluster tests); each exports its own meter only.
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
    }

    /// <summary>Publishes every series at zero, so dashboards and queries find them before the first request.</summary>
    public void PublishAtZero(bool bypassEnabled)
    {
        Races.WithLabels(_instance);
        Overloaded.WithLabels(_instance);
        foreach (var purpose in new[] { "claim", "reserve", "hand_over" })
        {
            JournalWrites.WithLabels(_instance, purpose);
        }

        foreach (var mode in RateLimitModeNames.All)
        {
            BackendErrors.WithLabels(_instance, mode);
            CheckDuration.WithLabels(_instance, mode);
            foreach (var algorithm in RateLimitAlgorithmNames.All)
            {
                Decisions.WithLabels(_instance, mode, algorithm, "allowed");
                Decisions.WithLabels(_instance, mode, algorithm, "rejected");
                Decisions.WithLabels(_instance, mode, algorithm, RateLimiterMetrics.ShadowRejected);
            }
        }

        if (bypassEnabled)
        {
            Bypass.WithLabels(_instance, "granted");
            Bypass.WithLabels(_instance, "wrong_secret");
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var (key, value) in tags)
        {
            if (key == name)
            {
                return value as string ?? "";
            }
        }

        return "";
    }

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case RateLimiterMetrics.DecisionsName:
                Decisions.WithLabels(_instance, Tag(tags, "mode"), Tag(tags, "algorithm"), Tag(tags, "result")).Inc(value);
                break;
            case RateLimiterMetrics.RacesName:
                Races.WithLabels(_instance).Inc(value);
                break;
            case RateLimiterMetrics.BackendFailuresName:
                BackendErrors.WithLabels(_instance, Tag(tags, "mode")).Inc(value);
                break;
            case RateLimiterMetrics.OverloadedName:
                Overloaded.WithLabels(_instance).Inc(value);
                break;
            case RateLimiterMetrics.JournalWritesName:
                JournalWrites.WithLabels(_instance, Tag(tags, "purpose")).Inc(value);
                break;
            case RateLimiterMetrics.BypassName:
                Bypass.WithLabels(_instance, Tag(tags, "outcome")).Inc(value);
                break;
        }
    }

    private void OnDuration(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == RateLimiterMetrics.DurationName)
        {
            CheckDuration.WithLabels(_instance, Tag(tags, "mode")).Observe(value);
        }
    }
}
