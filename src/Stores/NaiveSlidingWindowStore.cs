using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The sliding-window log as separate round trips: evict, count, then add. Between the count and the
/// add, other silos read the same count, so concurrent requests can all be admitted: the race the lab
/// exists to show. After its own write it counts again; a count above the limit is a detected race.
/// </summary>
/// <remarks>
/// Everything else matches the atomic script, so the race is the only difference: the same members, the same
/// move from the token bucket, and the TTL refreshed on every call. The add and its TTL go in one transaction,
/// so a key is never left without a TTL.
/// </remarks>
public sealed class NaiveSlidingWindowStore(RedisGuard guard, TimeProvider time)
{
    private readonly AdmissionIds _admissionIds = new();

    public Task<RedisDecision> DecideAsync(string client, long generation, SlidingWindowPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        var keys = new NaiveKeys(RateLimitKeys.SlidingWindow(client, generation), RateLimitKeys.TokenBucket(client, generation));
        return guard.RunAsync(db => Decide(db, keys, policy, permits));
    }

    private async Task<RedisDecision> Decide(IDatabase db, NaiveKeys keys, SlidingWindowPolicy policy, int permits)
    {
        // Unlike the atomic script, each silo uses its own clock here, as the seed's API instances did.
        long now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        long window = policy.Window.Ticks / 10;
        int limit = policy.Limit;
        string prefix = _admissionIds.Next();

        if (!await db.KeyExistsAsync(keys.Own) && await db.KeyExistsAsync(keys.Other))
        {
            await MoveFromTokenBucket(db, keys, limit, now, prefix);
        }

        await db.SortedSetRemoveRangeByScoreAsync(keys.Own, double.NegativeInfinity, now - window);
        long count = await db.SortedSetLengthAsync(keys.Own);
        if (permits > limit || count + permits > limit)
        {
            long retry = permits > limit ? window : await MicrosecondsUntilFreed(db, keys.Own, count + permits - limit - 1, window, now);
            await db.KeyExpireAsync(keys.Own, policy.Window);
            return new RedisDecision(LimitDecision.Reject(limit, (int)Math.Max(0, limit - count), TimeSpan.FromTicks(retry * 10)), RaceDetected: false);
        }

        var write = db.CreateTransaction();
        _ = write.SortedSetAddAsync(keys.Own, Members(prefix, permits, now));
        _ = write.KeyExpireAsync(keys.Own, policy.Window);
        await write.ExecuteAsync();
        long after = await db.SortedSetLengthAsync(keys.Own);
        int remaining = (int)Math.Max(0, limit - after);
        return new RedisDecision(LimitDecision.Admit(limit, remaining), RaceDetected: after > limit);
    }

    private static async Task<long> MicrosecondsUntilFreed(IDatabase db, RedisKey key, long rank, long window, long now)
    {
        var freeing = await db.SortedSetRangeByRankWithScoresAsync(key, rank, rank);
        return freeing.Length == 0 ? 1 : Math.Max(1, (long)freeing[0].Score + window - now);
    }

    private static async Task MoveFromTokenBucket(IDatabase db, NaiveKeys keys, int limit, long now, string prefix)
    {
        var bucket = await db.HashGetAsync(keys.Other, NaiveTokenBucketStore.StateFields);
        if (NaiveTokenBucketStore.UsedTokens(bucket, now / 1000) is { } used && used > 0)
        {
            await db.SortedSetAddAsync(keys.Own, Members($"{prefix}:moved", (int)Math.Min(used, limit), now));
        }

        await db.KeyDeleteAsync(keys.Other);
    }

    private static SortedSetEntry[] Members(string prefix, int count, long now) =>
        Enumerable.Range(1, count).Select(i => new SortedSetEntry($"{prefix}:{i}", now)).ToArray();
}
