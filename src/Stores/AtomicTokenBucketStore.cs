using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>The token bucket as one Lua script over one hash: refill, take and expire in a single atomic step.</summary>
public sealed class AtomicTokenBucketStore(RedisGuard guard)
{
    // KEYS[1] the client's hash {level, at}.  ARGV[1] capacity, ARGV[2] refill period in milliseconds.
    // The level is in units of 1 / period: a token is `period` units and each millisecond adds `capacity`
    // units, so refill is integer arithmetic. Capacity x period stays below 2^53 (1e6 x 8.64e7), which
    // Lua's doubles hold exactly. A missing key is a full bucket, so the key only has to outlive the time
    // to refill: one period. A rejection writes nothing: the level is a function of time.
    // Returns {admitted (1/0), tokens remaining, retry-after in milliseconds}.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local capacity = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local full = capacity * period
        local state = redis.call('HMGET', KEYS[1], 'level', 'at')
        local level = tonumber(state[1]) or full
        local at = tonumber(state[2]) or now
        if now > at then
          level = math.min(full, level + (now - at) * capacity)
          at = now
        end
        if level >= period then
          level = level - period
          redis.call('HSET', KEYS[1], 'level', string.format('%.0f', level), 'at', string.format('%.0f', at))
          redis.call('PEXPIRE', KEYS[1], period)
          return {1, math.floor(level / period), 0}
        end
        return {0, 0, math.ceil((period - level) / capacity)}
        """;

    public async Task<RedisDecision> DecideAsync(string client, long generation, TokenBucketPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RedisKey[] keys = [RateLimitKeys.TokenBucket(client, generation)];
        RedisValue[] args = [policy.Capacity, (long)policy.RefillPeriod.TotalMilliseconds];
        var values = (RedisResult[])(await guard.RunAsync(db => db.ScriptEvaluateAsync(Script, keys, args)))!;
        var decision = (long)values[0] == 1
            ? LimitDecision.Admit(policy.Capacity, (int)values[1])
            : LimitDecision.Reject(policy.Capacity, TimeSpan.FromMilliseconds((long)values[2]));
        return new RedisDecision(decision, RaceDetected: false);
    }
}
