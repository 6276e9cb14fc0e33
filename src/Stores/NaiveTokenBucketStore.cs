using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The token bucket as read, decide, write: concurrent requests read the same level and each takes "the
/// last" token. An <c>admitted</c> counter in the same hash tells a lost update: if more than our own
/// admission happened between our read and our increment, another silo wrote in between.
/// </summary>
/// <remarks>
/// Everything else matches the atomic script: the stored rate, the rescale on a new policy, the move from the
/// sliding window, and one transaction for each write with its TTL.
/// </remarks>
public sealed class NaiveTokenBucketStore(RedisGuard guard, TimeProvider time)
{
    internal static readonly RedisValue[] StateFields = ["level", "at", "capacity", "period", "admitted"];

    public Task<RedisDecision> DecideAsync(string client, long generation, TokenBucketPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        var keys = new NaiveKeys(RateLimitKeys.TokenBucket(client, generation), RateLimitKeys.SlidingWindow(client, generation));
        return guard.RunAsync(db => Decide(db, keys, policy, permits));
    }

    /// <summary>Tokens a stored bucket has used at <paramref name="nowMilliseconds"/>, refilled at its own rate; null for no bucket.</summary>
    internal static long? UsedTokens(RedisValue[] state, long nowMilliseconds)
    {
        if (!state[0].HasValue || !state[2].HasValue || !state[3].HasValue)
        {
            return null;
        }

        long capacity = (long)state[2], period = (long)state[3];
        long level = Math.Min(capacity * period, (long)state[0] + Math.Max(0, nowMilliseconds - (long)state[1]) * capacity);
        return capacity - level / period;
    }

    private async Task<RedisDecision> Decide(IDatabase db, NaiveKeys keys, TokenBucketPolicy policy, int permits)
    {
        long nowMicroseconds = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        long now = nowMicroseconds / 1000;
        long capacity = policy.Capacity;
        long period = (long)policy.RefillPeriod.TotalMilliseconds;
        long full = capacity * period;

        var state = await db.HashGetAsync(keys.Own, StateFields);
        long admittedBefore = state[4].HasValue ? (long)state[4] : 0;
        long level, at;
        if (state[0].HasValue)
        {
            long oldCapacity = state[2].HasValue ? (long)state[2] : capacity;
            long oldPeriod = state[3].HasValue ? (long)state[3] : period;
            at = (long)state[1];
            level = Math.Min(oldCapacity * oldPeriod, (long)state[0] + Math.Max(0, now - at) * oldCapacity);
            at = Math.Max(at, now);
            if (oldCapacity != capacity || oldPeriod != period)
            {
                level = Math.Min(level / oldPeriod * period, full);
            }
        }
        else
        {
            level = Math.Max(0, capacity - await UsedBySlidingWindow(db, keys, period, nowMicroseconds)) * period;
            at = now;
        }

        bool admit = permits <= capacity && level >= permits * period;
        long wait = permits > capacity ? period : (permits * period - level + capacity - 1) / capacity;
        if (admit)
        {
            level -= permits * period;
        }

        var write = db.CreateTransaction();
        _ = write.HashSetAsync(keys.Own, [new("level", level), new("at", at), new("capacity", capacity), new("period", period)]);
        _ = write.KeyExpireAsync(keys.Own, policy.RefillPeriod);
        var admitted = admit ? write.HashIncrementAsync(keys.Own, "admitted") : null;
        await write.ExecuteAsync();

        int remaining = (int)(level / period);
        return admit
            ? new RedisDecision(LimitDecision.Admit(policy.Capacity, remaining), RaceDetected: await admitted! != admittedBefore + 1)
            : new RedisDecision(LimitDecision.Reject(policy.Capacity, remaining, TimeSpan.FromMilliseconds(wait)), RaceDetected: false);
    }

    private static async Task<long> UsedBySlidingWindow(IDatabase db, NaiveKeys keys, long periodMilliseconds, long nowMicroseconds)
    {
        if (!await db.KeyExistsAsync(keys.Other))
        {
            return 0;
        }

        await db.SortedSetRemoveRangeByScoreAsync(keys.Other, double.NegativeInfinity, nowMicroseconds - periodMilliseconds * 1000);
        long used = await db.SortedSetLengthAsync(keys.Other);
        await db.KeyDeleteAsync(keys.Other);
        return used;
    }
}
