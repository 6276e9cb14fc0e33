namespace RateLimiterOrleans.Grains;

/// <summary>The default when the host exports no metrics.</summary>
internal sealed class NoDecisionMetrics : IDecisionMetrics
{
    public void Decided(Decision decision, TimeSpan took)
    {
    }

    public void BackendFailed(RateLimitMode mode)
    {
    }
}
