using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The token bucket as read, decide, write: concurrent requests read the same level and each takes "the
/// last" token. An <c>admitted</c> counter in the same hash tells a lost update: if more than our own
/// admission happened between our read and our increment, another silo wrote in between.
/// </summary>
public sealed class NaiveTokenBucketStore(RedisGuard guard, TimeProvider time)
{
    private static readonly RedisValue[] Fields = ["level", "at", "admitted"];

    public Task<RedisDecision> DecideAsync(string client, long generation, TokenBucketPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return guard.RunAsync(db => Decide(db, RateLimitKeys.TokenBucket(client, generation), policy));
    }

    private async Task<RedisDecision> Decide(IDatabase db, RedisKey key, TokenBucketPolicy policy)
    {
        long now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
        long capacity = policy.Capacity;
        long period = (long)policy.RefillPeriod.TotalMilliseconds;
        long full = capacity * period;

        var state = await db.HashGetAsync(key, Fields);
        long level = state[0].HasValue ? (long)state[0] : full;
        long at = state[1].HasValue ? (long)state[1] : now;
        long admittedBefore = state[2].HasValue ? (long)state[2] : 0;
        if (now > at)
        {
            level = Math.Min(full, level + (now - at) * capacity);
            at = now;
        }

        if (level < period)
        {
            long wait = (period - level + capacity - 1) / capacity;
            return new RedisDecision(LimitDecision.Reject(policy.Capacity, TimeSpan.FromMilliseconds(wait)), RaceDetected: false);
        }

        level -= period;
        await db.HashSetAsync(key, [new HashEntry("level", level), new HashEntry("at", at)]);
        await db.KeyExpireAsync(key, policy.RefillPeriod);
        long admittedAfter = await db.HashIncrementAsync(key, "admitted");
        return new RedisDecision(LimitDecision.Admit(policy.Capacity, (int)(level / period)), RaceDetected: admittedAfter != admittedBefore + 1);
    }
}
