namespace RateLimiterOrleans.Grains;

/// <summary>The outcome of a configuration change: the configuration now in force, or the error that kept the old one.</summary>
[GenerateSerializer, Immutable]
public sealed record ConfigChange([property: Id(0)] ClusterConfig Config, [property: Id(1)] ConfigError? Error)
{
    public bool Applied => Error is null;
}
