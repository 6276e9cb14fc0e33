using System.Collections.Concurrent;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// This silo's decision counters: the modes' own decisions by mode and result, the races the naive mode detected,
/// and the requests that a failure policy or an overload decided instead.
/// </summary>
public sealed class SiloDecisionStats
{
    private readonly ConcurrentDictionary<(RateLimitMode Mode, string Result), long> _decisions = new();
    private readonly long[] _byBasis = new long[Enum.GetValues<DecisionBasis>().Length];
    private long _racesDetected;

    public long RacesDetected => Interlocked.Read(ref _racesDetected);

    public long FailOpenAnswers => Decided(DecisionBasis.FailedOpen);

    public void Record(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Interlocked.Increment(ref _byBasis[(int)decision.Basis]);
        if (decision.Basis == DecisionBasis.Count)
        {
            _decisions.AddOrUpdate((decision.Mode, RateLimiterMetrics.ResultOf(decision)), 1, static (_, count) => count + 1);
        }

        if (decision.RaceDetected)
        {
            Interlocked.Increment(ref _racesDetected);
        }
    }

    /// <summary>Requests decided on <paramref name="basis"/>: by the failure policy, by an overload, or by the count itself.</summary>
    public long Decided(DecisionBasis basis) => Interlocked.Read(ref _byBasis[(int)basis]);

    /// <summary>Counts as <c>mode → {allowed, rejected, shadow_rejected}</c>, with every mode present.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> DecisionsByMode() =>
        Enum.GetValues<RateLimitMode>().ToDictionary(
            mode => mode.ToName(),
            mode => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>
            {
                ["allowed"] = _decisions.GetValueOrDefault((mode, "allowed")),
                ["rejected"] = _decisions.GetValueOrDefault((mode, "rejected")),
                [RateLimiterMetrics.ShadowRejected] = _decisions.GetValueOrDefault((mode, RateLimiterMetrics.ShadowRejected)),
            });
}
