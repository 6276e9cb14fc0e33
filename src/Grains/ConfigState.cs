namespace RateLimiterOrleans.Grains;

/// <summary>What the config grain persists: the configuration in force.</summary>
[GenerateSerializer]
public sealed class ConfigState
{
    [Id(0)]
    public ClusterConfig? Config { get; set; }
}
