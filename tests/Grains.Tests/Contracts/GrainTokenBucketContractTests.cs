using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests.Contracts;

public sealed class GrainTokenBucketContractTests(ClusterFixture fixture, ITestOutputHelper output) : ModeContractTests(fixture, output)
{
    protected override RateLimitMode Mode => RateLimitMode.Grain;

    protected override RateLimitAlgorithm Algorithm => RateLimitAlgorithm.TokenBucket;
}
