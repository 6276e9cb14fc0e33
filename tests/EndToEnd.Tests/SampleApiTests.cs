using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The README's sample, run as written beside a lab: an Orleans client of the cluster, limited by it.</summary>
[Collection(StackCollection.Name)]
public sealed class SampleApiTests(StackFixture fixture) : StackTest(fixture)
{
    [Fact]
    public async Task The_sample_api_joins_the_labs_cluster_as_a_client_and_admits_exactly_the_limit()
    {
        await using var sample = SampleApiProcess.Start(Stack);
        Assert.True(await sample.UntilServing(TimeSpan.FromSeconds(90)), sample.Log);
        string key = $"sample-{Guid.NewGuid():N}";

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 105; i++)
        {
            using var response = await sample.Hello(key);
            statuses.Add(response.StatusCode);
        }

        using var refused = await sample.Hello(key);
        Assert.Equal(100, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("\"default\";q=100;w=60", refused.Headers.GetValues("RateLimit-Policy").Single());
    }
}
