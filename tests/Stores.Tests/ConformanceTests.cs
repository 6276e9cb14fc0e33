using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Algorithms;
using Xunit.Abstractions;

namespace RateLimiterOrleans.Stores.Tests;

/// <summary>
/// One behaviour, three implementations: the in-memory algorithms, the Lua scripts and the naive round trips are
/// driven through the same timeline, one request at a time, against a real redis-server, and must take identical
/// decisions: admitted or not, the remaining permits, and the retry-after to the millisecond.
/// </summary>
/// <remarks>
/// Time is a fake clock that every implementation reads: the scripts take it as their "now" instead of Redis
/// <c>TIME</c>. Windows are at least 5 s, because the keys' TTLs run on Redis' real clock and must outlive the test's
/// pauses between two steps.
/// </remarks>
public sealed class ConformanceTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Seconds5 = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Seconds10 = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Seconds20 = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_timeline_through_limit_window_period_and_algorithm_changes_gets_the_same_decisions_everywhere()
    {
        var window = new ConformancePolicy(false, 5, Seconds10);
        var bucket = new ConformancePolicy(true, 5, Seconds10);
        ConformanceStep[] timeline =
        [
            Step(0, window), Step(0, window), Step(0, window),
            Step(1_000, window, permits: 2),
            Step(1_000, window),
            Step(0, window, permits: 6),
            Step(8_000, window),
            Step(0, window with { Limit = 3 }),
            Step(2_500, window with { Limit = 3, Window = Seconds20 }),
            Step(9_000, window with { Limit = 3, Window = Seconds20 }),
            Step(1_000, window with { Window = Seconds5 }),
            Step(0, bucket),
            Step(0, bucket, permits: 2),
            Step(1_999, bucket),
            Step(1, bucket),
            Step(3_000, bucket with { Window = Seconds20 }),
            Step(3_000, bucket with { Window = Seconds20 }),
            Step(0, bucket with { Limit = 8, Window = Seconds20 }, permits: 3),
            Step(30_000, bucket with { Limit = 8, Window = Seconds20 }, permits: 8),
            Step(0, bucket with { Limit = 2 }, permits: 3),
            Step(500, window),
            Step(0, window, permits: 5),
            Step(10_000, window, permits: 5),
            Step(4_000, bucket, permits: 2),
            Step(0, bucket),
        ];

        var decisions = await Run(timeline);

        // The three agree; a few landmarks check that what they agree on is the documented behaviour.
        Assert.Equal([true, true, true, true, false, false], decisions.Take(6).Select(d => d.Allowed));
        Assert.True(decisions[6].Allowed);
        Assert.False(decisions[7].Allowed);
        Assert.Equal(TimeSpan.FromSeconds(8), decisions[4].RetryAfter);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_timelines_get_the_same_decisions_everywhere(int seed)
    {
        var random = new Random(seed);
        var policy = RandomPolicy(random);
        var timeline = new List<ConformanceStep>();
        for (int i = 0; i < 150; i++)
        {
            if (random.NextDouble() < 0.12)
            {
                policy = RandomPolicy(random);
            }

            int permits = random.NextDouble() < 0.7 ? 1 : random.Next(1, policy.Limit + 2);
            timeline.Add(new ConformanceStep(TimeSpan.FromMilliseconds(random.Next(0, 4_000)), policy, permits));
        }

        var decisions = await Run(timeline);

        Assert.Contains(decisions, d => d.Allowed);
        Assert.Contains(decisions, d => !d.Allowed);
    }

    private static ConformanceStep Step(int waitMilliseconds, ConformancePolicy policy, int permits = 1) =>
        new(TimeSpan.FromMilliseconds(waitMilliseconds), policy, permits);

    private static ConformancePolicy RandomPolicy(Random random) =>
        new(random.NextDouble() < 0.5, random.Next(1, 9), TimeSpan.FromMilliseconds(random.Next(5_000, 20_001)));

    // The scripts count in microseconds (sliding window) and milliseconds (token bucket), the in-memory
    // algorithms in ticks; all round a retry-after up, so at millisecond precision they must agree.
    private static TimeSpan ToMilliseconds(TimeSpan retryAfter) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(retryAfter.TotalMilliseconds));

    private async Task<IReadOnlyList<LimitDecision>> Run(IReadOnlyList<ConformanceStep> timeline)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = RedisGuard.Standalone(redis.Redis);
        IConformanceSubject[] subjects = [new InMemorySubject(clock), new AtomicSubject(guard, clock), new NaiveSubject(guard, clock)];
        var agreed = new List<LimitDecision>();
        for (int i = 0; i < timeline.Count; i++)
        {
            var step = timeline[i];
            clock.Advance(step.Wait);
            var decisions = new List<LimitDecision>();
            foreach (var subject in subjects)
            {
                var decision = await subject.Decide(step.Policy, step.Permits);
                decisions.Add(decision with { RetryAfter = ToMilliseconds(decision.RetryAfter) });
            }

            output.WriteLine($"{i,3}: {step} -> {decisions[0]}");
            for (int s = 1; s < subjects.Length; s++)
            {
                Assert.True(
                    decisions[s] == decisions[0],
                    $"Step {i} ({step}): {subjects[0].Name} decided {decisions[0]}, {subjects[s].Name} decided {decisions[s]}.");
            }

            agreed.Add(decisions[0]);
        }

        return agreed;
    }
}
