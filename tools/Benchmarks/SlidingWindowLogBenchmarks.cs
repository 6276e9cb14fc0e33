using BenchmarkDotNet.Attributes;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Benchmarks;

[MemoryDiagnoser]
public class SlidingWindowLogBenchmarks
{
    // A window this short lets entries expire as fast as they arrive, so the client stays admitted on the
    // real clock and every decision is the steady state: evict the oldest entry, append the new one.
    private static readonly SlidingWindowPolicy AdmittingPolicy = new(SlidingWindowPolicy.MaxLimit, TimeSpan.FromMilliseconds(1));
    private static readonly SlidingWindowPolicy FullPolicy = new(100, TimeSpan.FromDays(1));

    // More entries than one thread can admit within a millisecond (that would take under 4 ns per call),
    // so once the ring buffer has this capacity it never grows, and growing is the only allocation.
    private const int PreGrownCapacity = 1 << 18;

    private SlidingWindowLog _admitted = null!;
    private SlidingWindowLog _rejected = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Admitting under a day-long window keeps every entry, which grows the buffer in setup instead of
        // inside a measured iteration; the short window then applies and the surplus simply expires.
        _admitted = new SlidingWindowLog(new SlidingWindowPolicy(PreGrownCapacity, TimeSpan.FromDays(1)), TimeProvider.System);
        for (int i = 0; i < PreGrownCapacity; i++)
        {
            _admitted.TryAcquire();
        }

        _admitted.ChangePolicy(AdmittingPolicy);
        if (!_admitted.TryAcquire().Allowed)
        {
            throw new InvalidOperationException("The admitted client was rejected; the benchmark would measure the wrong path.");
        }

        _rejected = new SlidingWindowLog(FullPolicy, TimeProvider.System);
        for (int i = 0; i < FullPolicy.Limit; i++)
        {
            _rejected.TryAcquire();
        }

        if (_rejected.TryAcquire().Allowed)
        {
            throw new InvalidOperationException("The full client was admitted; the benchmark would measure the wrong path.");
        }
    }

    [Benchmark]
    public LimitDecision Admitted() => _admitted.TryAcquire();

    [Benchmark]
    public LimitDecision Rejected() => _rejected.TryAcquire();
}
