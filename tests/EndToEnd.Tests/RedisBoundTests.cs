using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The lab's Redis holds per-client keys beside cluster membership: its memory is bounded, and nothing is evicted.</summary>
[Collection(StackCollection.Name)]
public sealed class RedisBoundTests(StackFixture fixture)
{
    [Theory]
    [InlineData("maxmemory", "1073741824")]
    [InlineData("maxmemory-policy", "noeviction")]
    [InlineData("appendonly", "yes")]
    public async Task The_labs_redis_runs_with_a_memory_bound_and_no_eviction(string setting, string expected)
    {
        var output = new List<string>();
        int exit = await ProcessRunner.RunAsync(Executables.Find("redis-cli"), ["-p", fixture.Stack.Ports.Redis.ToString(System.Globalization.CultureInfo.InvariantCulture), "CONFIG", "GET", setting], output.Add);

        Assert.Equal(0, exit);
        Assert.Equal([setting, expected], output);
    }
}
