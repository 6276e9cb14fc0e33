using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Every measurement the limiter makes, on one meter from <see cref="IMeterFactory"/>, as ASP.NET Core's rate-limiting
/// middleware does. The host decides how to export it: the silo publishes it under the seed's Prometheus names.
/// </summary>
public sealed class RateLimiterMetrics
{
    public const string MeterName = "RateLimiterOrleans";
    public const string DecisionsName = "ratelimit.decisions";
    public const string RacesName = "ratelimit.races";
    public const string DurationName = "ratelimit.decision.duration";
    public const string BackendFailuresName = "ratelimit.backend.failures";
    public const string OverloadedName = "ratelimit.overloaded";
    public const string BypassName = "ratelimit.bypass";
    public const string JournalWritesName = "ratelimit.grain.journal.writes";

    /// <summary>The <c>result</c> of a request admitted only because its tier is in shadow mode.</summary>
    public const string ShadowRejected = "shadow_rejected";

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _races;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _backendFailures;
    private readonly Counter<long> _overloaded;
    private readonly Counter<long> _bypass;
    private readonly Counter<long> _journalWrites;

    public RateLimiterMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _decisions = Meter.CreateCounter<long>(DecisionsName, "{decision}", "Decisions the mode's own count made, by mode, algorithm and result (allowed, rejected, shadow_rejected).");
        _races = Meter.CreateCounter<long>(RacesName, "{decision}", "Admissions that found the count above the limit when they counted again (redis_naive).");
        _duration = Meter.CreateHistogram(DurationName, "s", "Time to decide one request, from the silo that took it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _backendFailures = Meter.CreateCounter<long>(BackendFailuresName, "{decision}", "Decisions Redis could not make, by mode, failure and the policy that decided instead.");
        _overloaded = Meter.CreateCounter<long>(OverloadedName, "{request}", "Requests refused uncounted: too many decisions in flight here, or a replaced grain activation.");
        _bypass = Meter.CreateCounter<long>(BypassName, "{request}", "Requests that carried the bypass header, by outcome.");
        _journalWrites = Meter.CreateCounter<long>(JournalWritesName, "{write}", "Writes of grain-mode journals to Redis, by purpose: claim, reserve or hand over.");
    }

    /// <summary>From 25 µs to about 1.6 s in doublings: an atomic script and a naive round-trip chain land in different buckets.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = Enumerable.Range(0, 17).Select(i => 0.000025 * Math.Pow(2, i)).ToArray();

    /// <summary>The meter, so an exporter can listen to this silo's instruments only.</summary>
    public Meter Meter { get; }

    public void Decided(Decision decision, TimeSpan took)
    {
        ArgumentNullException.ThrowIfNull(decision);
        string mode = decision.Mode.ToName();
        switch (decision.Basis)
        {
            case DecisionBasis.Count:
                _decisions.Add(1, new TagList { { "mode", mode }, { "algorithm", decision.Algorithm.ToName() }, { "result", ResultOf(decision) } });
                _duration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("mode", mode));
                break;
            case DecisionBasis.Overloaded or DecisionBasis.Fenced:
                _overloaded.Add(1, new KeyValuePair<string, object?>("reason", decision.Basis == DecisionBasis.Fenced ? "fenced" : "overloaded"));
                break;
            default:
                _backendFailures.Add(1, new TagList { { "mode", mode }, { "policy", PolicyOf(decision.Basis) }, { "result", ResultOf(decision) } });
                break;
        }

        if (decision.RaceDetected)
        {
            _races.Add(1);
        }
    }

    public void JournalWritten(string purpose) => _journalWrites.Add(1, new KeyValuePair<string, object?>("purpose", purpose));

    public void Bypass(bool granted) => _bypass.Add(1, new KeyValuePair<string, object?>("outcome", granted ? "granted" : "wrong_secret"));

    /// <summary>
    /// <c>allowed</c>, <c>rejected</c>, or <c>shadow_rejected</c>: admitted by a shadow tier that would have refused
    /// it, kept apart so that <c>allowed</c> still means "within the limit".
    /// </summary>
    public static string ResultOf(Decision decision) =>
        decision.WouldHaveBeenRefused ? ShadowRejected : decision.Allowed ? "allowed" : "rejected";

    private static string PolicyOf(DecisionBasis basis) => basis switch
    {
        DecisionBasis.FailedOpen => FailMode.Open.ToName(),
        DecisionBasis.FailedClosed => FailMode.Closed.ToName(),
        _ => FailMode.Local.ToName(),
    };
}
