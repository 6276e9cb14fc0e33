using RateLimiterOrleans.Grains;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Grains.Tests.Contracts;

public sealed class RedisAtomicSlidingWindowContractTests(ClusterFixture fixture, ITestOutputHelper output) : ModeContractTests(fixture, output)
{
    protected override RateLimitMode Mode => RateLimitMode.RedisAtomic;

    protected override RateLimitAlgorithm Algorithm => RateLimitAlgorithm.SlidingWindow;
}
