using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>The token bucket as one Lua script over one hash: refill, take and expire in a single atomic step.</summary>
public sealed class AtomicTokenBucketStore(RedisGuard guard, ScriptClock clock)
{
    // KEYS[1] the client's hash {level, at, capacity, period}; KEYS[2] its sliding-window set, read only when the
    // client moves from that algorithm to this one.  ARGV[1] capacity, ARGV[2] refill period in milliseconds,
    // ARGV[3] cost in tokens, ARGV[4] now in microseconds, or empty for Redis TIME.
    // The level is in units of 1 / period: a token is `period` units and each millisecond adds `capacity`
    // units, so refill is integer arithmetic. Capacity x period stays below 2^53 (1e6 x 8.64e7), which
    // Lua's doubles hold exactly. The bucket refills at the rate it was stored with; a new capacity or period
    // then keeps the whole tokens held, as the in-memory TokenBucket does. A missing key is a full bucket, so the
    // key only has to outlive the time to refill at the rate of its last call: one period, refreshed every call.
    // Returns {admitted (1/0), tokens remaining, retry-after in milliseconds}.
    private const string Script = """
        local now = tonumber(ARGV[4])
        if not now then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        end
        local nowms = math.floor(now / 1000)
        local capacity = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local full = capacity * period
        local state = redis.call('HMGET', KEYS[1], 'level', 'at', 'capacity', 'period')
        local level, at
        if state[1] then
          local oldcapacity = tonumber(state[3]) or capacity
          local oldperiod = tonumber(state[4]) or period
          at = tonumber(state[2])
          level = math.min(oldcapacity * oldperiod, tonumber(state[1]) + math.max(0, nowms - at) * oldcapacity)
          at = math.max(at, nowms)
          if oldcapacity ~= capacity or oldperiod ~= period then
            level = math.min(math.floor(level / oldperiod) * period, full)
          end
        else
          local used = 0
          if redis.call('EXISTS', KEYS[2]) == 1 then
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('%.0f', now - period * 1000))
            used = redis.call('ZCARD', KEYS[2])
            redis.call('DEL', KEYS[2])
          end
          level = math.max(0, capacity - used) * period
          at = nowms
        end
        local result
        if cost > capacity then
          result = {0, math.floor(level / period), period}
        elseif level >= cost * period then
          level = level - cost * period
          result = {1, math.floor(level / period), 0}
        else
          result = {0, math.floor(level / period), math.ceil((cost * period - level) / capacity)}
        end
        redis.call('HSET', KEYS[1], 'level', string.format('%.0f', level), 'at', string.format('%.0f', at), 'capacity', capacity, 'period', period)
        redis.call('PEXPIRE', KEYS[1], period)
        return result
        """;

    /// <summary>The script's text, for loading it ahead of use.</summary>
    public static string ScriptText => Script;

    public async Task<RedisDecision> DecideAsync(string client, long generation, TokenBucketPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        RedisKey[] keys = [RateLimitKeys.TokenBucket(client, generation), RateLimitKeys.SlidingWindow(client, generation)];
        RedisValue[] args = [policy.Capacity, (long)policy.RefillPeriod.TotalMilliseconds, permits, clock.Microseconds()];
        var values = (RedisResult[])(await guard.RunAsync(db => db.ScriptEvaluateAsync(Script, keys, args)))!;
        var decision = (long)values[0] == 1
            ? LimitDecision.Admit(policy.Capacity, (int)values[1])
            : LimitDecision.Reject(policy.Capacity, (int)values[1], TimeSpan.FromMilliseconds((long)values[2]));
        return new RedisDecision(decision, RaceDetected: false);
    }
}
