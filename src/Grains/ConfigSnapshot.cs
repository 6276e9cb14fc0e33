using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// A silo's copy of the configuration, with each tier's policies built once per change rather than
/// once per request.
/// </summary>
public sealed class ConfigSnapshot
{
    private readonly Dictionary<string, ClientPolicy> _tiers;

    public ConfigSnapshot(ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _tiers = config.Tiers
            .Select(t => (t.Key, t.Value))
            .Append((ClusterConfig.DefaultTier, config.DefaultLimits))
            .ToDictionary(t => t.Item1, t => ClientPolicy.For(t.Item1, t.Item2));
    }

    public ClusterConfig Config { get; }

    /// <summary>The tier and policies that apply to one client.</summary>
    public ClientPolicy PolicyFor(string client) => _tiers[Config.TierOf(client)];
}
