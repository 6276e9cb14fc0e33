namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// The documented bounds of the experiments. A comparison runs four bursts, so its bound keeps the whole of
/// it near one burst's: both then finish well within nginx's 30 s read timeout on a small machine.
/// </summary>
public static class BurstLimits
{
    public const int MaxRequests = 10_000;
    public const int MaxConcurrency = 500;
    public const int MaxCompareRequests = 2_500;
}
