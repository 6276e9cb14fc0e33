namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// The decider builds client-grain references itself, to skip Orleans' per-call type lookup. They must name the very
/// grain <c>GetGrain</c> names, or the lab's <c>/admin/where</c> and a decision would meet two different activations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientGrainReferencesTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("key:plain")]
    [InlineData("key:with spaces and ünïcode")]
    [InlineData("address:10.0.0.1")]
    public void A_reference_names_the_grain_that_GetGrain_names(string client)
    {
        var grains = fixture.Cluster.Cluster.Client;

        var built = new ClientGrainReferences<IClientLimiterGrain>(grains).For(client);

        Assert.Equal(grains.GetGrain<IClientLimiterGrain>(client).GetGrainId(), built.GetGrainId());
    }
}
