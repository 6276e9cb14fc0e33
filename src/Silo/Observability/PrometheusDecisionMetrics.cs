using Prometheus;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Observability;

/// <summary>
/// The decision series at <c>/metrics</c>. The names are the seed's: its exercises query
/// <c>race_conditions_detected_total</c> and its Grafana dashboard the others.
/// </summary>
public sealed class PrometheusDecisionMetrics(InstanceName instance) : IDecisionMetrics
{
    private static readonly Counter Decisions = Metrics.CreateCounter(
        "rate_limit_decisions_total", "Rate-limit decisions by mode, algorithm and result.",
        new CounterConfiguration { LabelNames = ["instance", "mode", "algorithm", "result"] });

    private static readonly Counter Races = Metrics.CreateCounter(
        "race_conditions_detected_total", "Admissions that found the count above the limit when they counted again (redis_naive).",
        new CounterConfiguration { LabelNames = ["instance"] });

    // From 25 us to about 1.6 s in doublings: an atomic script and a naive round-trip chain land in
    // different buckets, and a Redis timeout still has a bucket of its own.
    private static readonly Histogram CheckDuration = Metrics.CreateHistogram(
        "rate_limit_check_duration_seconds", "Time to decide one request, from the silo that took it.",
        new HistogramConfiguration { LabelNames = ["instance", "mode"], Buckets = Histogram.ExponentialBuckets(0.000025, 2, 17) });

    private static readonly Counter BackendErrors = Metrics.CreateCounter(
        "rate_limit_backend_errors_total", "Decisions that failed because Redis did not answer in time.",
        new CounterConfiguration { LabelNames = ["instance", "mode"] });

    private readonly string _instance = instance.Value;

    public void Decided(Decision decision, TimeSpan took)
    {
        ArgumentNullException.ThrowIfNull(decision);
        string mode = decision.Mode.ToName();
        Decisions.WithLabels(_instance, mode, decision.Algorithm.ToName(), decision.Allowed ? "allowed" : "rejected").Inc();
        CheckDuration.WithLabels(_instance, mode).Observe(took.TotalSeconds);
        if (decision.RaceDetected)
        {
            Races.WithLabels(_instance).Inc();
        }
    }

    public void BackendFailed(RateLimitMode mode) => BackendErrors.WithLabels(_instance, mode.ToName()).Inc();

    /// <summary>Publishes every series at zero, so dashboards and queries find them before the first request.</summary>
    public void Initialise()
    {
        Races.WithLabels(_instance);
        foreach (var mode in Enum.GetValues<RateLimitMode>().Select(m => m.ToName()))
        {
            BackendErrors.WithLabels(_instance, mode);
            CheckDuration.WithLabels(_instance, mode);
            foreach (var algorithm in RateLimitAlgorithmNames.All)
            {
                Decisions.WithLabels(_instance, mode, algorithm, "allowed");
                Decisions.WithLabels(_instance, mode, algorithm, "rejected");
            }
        }
    }
}
