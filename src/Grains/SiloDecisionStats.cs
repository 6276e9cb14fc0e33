using System.Collections.Concurrent;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// This silo's decision counters: by mode and result, the races the naive mode detected, and the requests
/// let through only because Redis could not decide.
/// </summary>
public sealed class SiloDecisionStats
{
    private readonly ConcurrentDictionary<(RateLimitMode Mode, bool Allowed), long> _decisions = new();
    private long _racesDetected;
    private long _failOpen;

    public long RacesDetected => Interlocked.Read(ref _racesDetected);

    public long FailOpenAnswers => Interlocked.Read(ref _failOpen);

    public void Record(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        _decisions.AddOrUpdate((decision.Mode, decision.Allowed), 1, static (_, count) => count + 1);
        if (decision.RaceDetected)
        {
            Interlocked.Increment(ref _racesDetected);
        }

        if (decision.BackendUnavailable && decision.Allowed)
        {
            Interlocked.Increment(ref _failOpen);
        }
    }

    /// <summary>Counts as <c>mode → {allowed, rejected}</c>, with every mode present.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> DecisionsByMode() =>
        Enum.GetValues<RateLimitMode>().ToDictionary(
            mode => mode.ToName(),
            mode => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>
            {
                ["allowed"] = _decisions.GetValueOrDefault((mode, true)),
                ["rejected"] = _decisions.GetValueOrDefault((mode, false)),
            });
}
