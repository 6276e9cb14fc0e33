namespace RateLimiterOrleans.Stores.Tests;

public sealed class ScriptSmokeTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Smoke()
    {
        var guard = RedisGuard.Standalone(redis.Redis);
        var sw = new AtomicSlidingWindowStore(guard, ScriptClock.Redis);
        var tb = new AtomicTokenBucketStore(guard, ScriptClock.Redis);
        var d1 = await sw.DecideAsync("smoke", 0, new RateLimiterOrleans.Algorithms.SlidingWindowPolicy(10, TimeSpan.FromSeconds(10)));
        var d2 = await tb.DecideAsync("smoke", 0, new RateLimiterOrleans.Algorithms.TokenBucketPolicy(10, TimeSpan.FromSeconds(10)));
        Assert.True(d1.Decision.Allowed);
        Assert.True(d2.Decision.Allowed);
    }
}
