using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>A silo's copy of the configuration, with the policy derived from it built once per change.</summary>
public sealed class ConfigSnapshot(ClusterConfig config)
{
    public ClusterConfig Config { get; } = config;

    public SlidingWindowPolicy SlidingWindow { get; } = new(config.RateLimit, config.Window);
}
