namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// The cluster's configuration is cluster-wide, so tests that change it run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
