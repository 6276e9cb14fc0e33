using BenchmarkDotNet.Attributes;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Benchmarks;

[MemoryDiagnoser]
public class TokenBucketBenchmarks
{
    // A million tokens per millisecond refills far faster than one thread can take them: always admitted.
    private static readonly TokenBucketPolicy AdmittingPolicy = new(SlidingWindowPolicy.MaxLimit, TimeSpan.FromMilliseconds(1));

    // One token every 864 s: once drained, the bucket stays empty for longer than the benchmark runs.
    private static readonly TokenBucketPolicy DrainedPolicy = new(100, TimeSpan.FromDays(1));

    private TokenBucket _admitted = null!;
    private TokenBucket _rejected = null!;

    [GlobalSetup]
    public void Setup()
    {
        _admitted = new TokenBucket(AdmittingPolicy, TimeProvider.System);
        _rejected = new TokenBucket(DrainedPolicy, TimeProvider.System);
        for (int i = 0; i < DrainedPolicy.Capacity; i++)
        {
            _rejected.TryAcquire();
        }

        if (_rejected.TryAcquire().Allowed)
        {
            throw new InvalidOperationException("The drained bucket admitted; the benchmark would measure the wrong path.");
        }
    }

    [Benchmark]
    public LimitDecision Admitted() => _admitted.TryAcquire();

    [Benchmark]
    public LimitDecision Rejected() => _rejected.TryAcquire();
}
