using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Stores.Tests;

/// <summary>One implementation of both algorithms, driven one request at a time through a timeline.</summary>
public interface IConformanceSubject
{
    string Name { get; }

    Task<LimitDecision> Decide(ConformancePolicy policy, int permits);
}

/// <summary>The in-memory algorithms, as the <c>grain</c> and <c>local</c> modes run them.</summary>
public sealed class InMemorySubject(TimeProvider time) : IConformanceSubject
{
    private readonly PolicyLimiter _limiter = new(time);

    public string Name => "in-memory";

    public Task<LimitDecision> Decide(ConformancePolicy policy, int permits) => Task.FromResult(policy.TokenBucket
        ? _limiter.TryAcquire(new TokenBucketPolicy(policy.Limit, policy.Window), permits)
        : _limiter.TryAcquire(new SlidingWindowPolicy(policy.Limit, policy.Window), permits));
}

/// <summary>The Lua scripts, as <c>redis_atomic</c> runs them, with their clock pinned to the timeline's.</summary>
public sealed class AtomicSubject(RedisGuard guard, TimeProvider time) : IConformanceSubject
{
    private readonly AtomicSlidingWindowStore _slidingWindow = new(guard, ScriptClock.PinnedTo(time));
    private readonly AtomicTokenBucketStore _tokenBucket = new(guard, ScriptClock.PinnedTo(time));
    private readonly string _client = RedisFixture.NewClient("conformance-atomic");

    public string Name => "Lua script";

    public async Task<LimitDecision> Decide(ConformancePolicy policy, int permits) => (policy.TokenBucket
        ? await _tokenBucket.DecideAsync(_client, 0, new TokenBucketPolicy(policy.Limit, policy.Window), permits)
        : await _slidingWindow.DecideAsync(_client, 0, new SlidingWindowPolicy(policy.Limit, policy.Window), permits)).Decision;
}

/// <summary>The naive round trips, as <c>redis_naive</c> runs them, one request at a time so no race can happen.</summary>
public sealed class NaiveSubject(RedisGuard guard, TimeProvider time) : IConformanceSubject
{
    private readonly NaiveSlidingWindowStore _slidingWindow = new(guard, time);
    private readonly NaiveTokenBucketStore _tokenBucket = new(guard, time);
    private readonly string _client = RedisFixture.NewClient("conformance-naive");

    public string Name => "naive round trips";

    public async Task<LimitDecision> Decide(ConformancePolicy policy, int permits) => (policy.TokenBucket
        ? await _tokenBucket.DecideAsync(_client, 0, new TokenBucketPolicy(policy.Limit, policy.Window), permits)
        : await _slidingWindow.DecideAsync(_client, 0, new SlidingWindowPolicy(policy.Limit, policy.Window), permits)).Decision;
}
