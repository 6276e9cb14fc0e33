using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests.Contracts;

public sealed class LocalTokenBucketContractTests(ClusterFixture fixture, ITestOutputHelper output) : ModeContractTests(fixture, output)
{
    protected override RateLimitMode Mode => RateLimitMode.Local;

    protected override RateLimitAlgorithm Algorithm => RateLimitAlgorithm.TokenBucket;
}
