using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests.Contracts;

public sealed class RedisNaiveSlidingWindowContractTests(ClusterFixture fixture, ITestOutputHelper output) : ModeContractTests(fixture, output)
{
    protected override RateLimitMode Mode => RateLimitMode.RedisNaive;

    protected override RateLimitAlgorithm Algorithm => RateLimitAlgorithm.SlidingWindow;
}
