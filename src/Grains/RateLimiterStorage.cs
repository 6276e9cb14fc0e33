namespace RateLimiterOrleans.Grains;

/// <summary>The name of the Orleans grain storage provider that holds cluster-wide state in Redis.</summary>
public static class RateLimiterStorage
{
    public const string Name = "ratelimiter";
}
