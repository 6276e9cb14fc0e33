namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The seed's exercises share one stack and change its cluster-wide config, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class StackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
