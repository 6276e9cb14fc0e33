using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The sliding-window log as one Lua script: evict, count, admit and expire run as a single atomic
/// step inside Redis, so no other request can interleave between the check and the write.
/// </summary>
public sealed class AtomicSlidingWindowStore(RedisGuard guard, ScriptClock clock)
{
    // KEYS[1] the client's sorted set; KEYS[2] its token-bucket hash, read only when the client moves from that
    // algorithm to this one.  ARGV[1] limit, ARGV[2] window in microseconds, ARGV[3] cost in permits, ARGV[4] a
    // unique prefix for this request's members, ARGV[5] now in microseconds, or empty for Redis TIME.
    // A client that comes from the token bucket starts with the tokens it had used, as entries made now.
    // The TTL is refreshed on every call, rejections included, so a longer window keeps what was admitted.
    // Scores go to Redis through string.format: Lua turns a bare number into text with 14 significant
    // digits, which would round a microsecond timestamp to 100 microseconds.
    // Returns {admitted (1/0), remaining, retry-after in microseconds}.
    private const string Script = """
        local now = tonumber(ARGV[5])
        if not now then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        end
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local stamp = string.format('%.0f', now)
        if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[2]) == 1 then
          local bucket = redis.call('HMGET', KEYS[2], 'level', 'at', 'capacity', 'period')
          local capacity, period = tonumber(bucket[3]), tonumber(bucket[4])
          if capacity and period then
            local elapsed = math.max(0, math.floor(now / 1000) - tonumber(bucket[2]))
            local level = math.min(capacity * period, tonumber(bucket[1]) + elapsed * capacity)
            for i = 1, math.min(limit, capacity - math.floor(level / period)) do
              redis.call('ZADD', KEYS[1], stamp, ARGV[4] .. ':moved:' .. i)
            end
          end
          redis.call('DEL', KEYS[2])
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now - window))
        local count = redis.call('ZCARD', KEYS[1])
        local result
        if cost > limit then
          result = {0, math.max(0, limit - count), window}
        elseif count + cost <= limit then
          for i = 1, cost do
            redis.call('ZADD', KEYS[1], stamp, ARGV[4] .. ':' .. i)
          end
          result = {1, limit - count - cost, 0}
        else
          local rank = count + cost - limit - 1
          local freeing = redis.call('ZRANGE', KEYS[1], rank, rank, 'WITHSCORES')
          result = {0, math.max(0, limit - count), tonumber(freeing[2]) + window - now}
        end
        redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
        return result
        """;

    private readonly AdmissionIds _admissionIds = new();

    /// <summary>The script's text, for loading it ahead of use and for redis-benchmark in <c>./lab bench</c>.</summary>
    public static string ScriptText => Script;

    public async Task<RedisDecision> DecideAsync(string client, long generation, SlidingWindowPolicy policy, int permits = 1)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        RedisKey[] keys = [RateLimitKeys.SlidingWindow(client, generation), RateLimitKeys.TokenBucket(client, generation)];
        RedisValue[] args = [policy.Limit, policy.Window.Ticks / 10, permits, _admissionIds.Next(), clock.Microseconds()];
        var values = (RedisResult[])(await guard.RunAsync(db => db.ScriptEvaluateAsync(Script, keys, args)))!;
        var decision = (long)values[0] == 1
            ? LimitDecision.Admit(policy.Limit, (int)values[1])
            : LimitDecision.Reject(policy.Limit, (int)values[1], TimeSpan.FromTicks((long)values[2] * 10));
        return new RedisDecision(decision, RaceDetected: false);
    }
}
