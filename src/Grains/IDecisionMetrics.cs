namespace RateLimiterOrleans.Grains;

/// <summary>
/// Where the decision path reports what it did. The host decides how to export it (Prometheus in the
/// silo); the grains layer only knows this interface.
/// </summary>
public interface IDecisionMetrics
{
    void Decided(Decision decision, TimeSpan took);

    void BackendFailed(RateLimitMode mode);
}
