using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The sliding-window log as separate round trips: evict, count, then add. Between the count and the
/// add, other silos read the same count, so concurrent requests can all be admitted: the race the lab
/// exists to show. After its own write it counts again; a count above the limit is a detected race.
/// </summary>
public sealed class NaiveSlidingWindowStore(RedisGuard guard, TimeProvider time)
{
    private readonly AdmissionIds _admissionIds = new();

    public Task<RedisDecision> DecideAsync(string client, long generation, SlidingWindowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return guard.RunAsync(db => Decide(db, RateLimitKeys.SlidingWindow(client, generation), policy));
    }

    private async Task<RedisDecision> Decide(IDatabase db, RedisKey key, SlidingWindowPolicy policy)
    {
        // Unlike the atomic script, each silo uses its own clock here, as the seed's API instances did.
        long now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        long window = policy.Window.Ticks / 10;
        int limit = policy.Limit;

        await db.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, now - window);
        long count = await db.SortedSetLengthAsync(key);
        if (count >= limit)
        {
            long freeingRank = count - limit;
            var freeing = await db.SortedSetRangeByRankWithScoresAsync(key, freeingRank, freeingRank);
            long retry = freeing.Length == 0 ? 0 : (long)freeing[0].Score + window - now;
            return new RedisDecision(LimitDecision.Reject(limit, TimeSpan.FromTicks(Math.Max(retry, 1) * 10)), RaceDetected: false);
        }

        await db.SortedSetAddAsync(key, _admissionIds.Next(), now);
        await db.KeyExpireAsync(key, policy.Window);
        long after = await db.SortedSetLengthAsync(key);
        int remaining = (int)Math.Max(0, limit - after);
        return new RedisDecision(LimitDecision.Admit(limit, remaining), RaceDetected: after > limit);
    }
}
