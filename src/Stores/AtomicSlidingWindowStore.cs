using RateLimiterOrleans.Algorithms;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The sliding-window log as one Lua script: evict, count, admit and expire run as a single atomic
/// step inside Redis, so no other request can interleave between the check and the write.
/// </summary>
public sealed class AtomicSlidingWindowStore(RedisGuard guard)
{
    // KEYS[1] the client's sorted set.  ARGV[1] limit, ARGV[2] window in microseconds,
    // ARGV[3] a unique member for this admission.
    // Redis TIME is the only clock, so silos with skewed clocks still share one window.
    // Scores go to Redis through string.format: Lua turns a bare number into text with 14 significant
    // digits, which would round a microsecond timestamp to 100 microseconds.
    // Returns {admitted (1/0), remaining, retry-after in microseconds}.
    private const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now - window))
        local count = redis.call('ZCARD', KEYS[1])
        if count < limit then
          redis.call('ZADD', KEYS[1], string.format('%.0f', now), ARGV[3])
          redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
          return {1, limit - count - 1, 0}
        end
        local freeing = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
        return {0, 0, tonumber(freeing[2]) + window - now}
        """;

    private readonly AdmissionIds _admissionIds = new();

    /// <summary>The script's text, for tools that load it elsewhere (redis-benchmark in <c>./lab bench</c>).</summary>
    public static string ScriptText => Script;

    public async Task<RedisDecision> DecideAsync(string client, long generation, SlidingWindowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        RedisKey[] keys = [RateLimitKeys.SlidingWindow(client, generation)];
        RedisValue[] args = [policy.Limit, policy.Window.Ticks / 10, _admissionIds.Next()];
        var values = (RedisResult[])(await guard.RunAsync(db => db.ScriptEvaluateAsync(Script, keys, args)))!;
        var decision = (long)values[0] == 1
            ? LimitDecision.Admit(policy.Limit, (int)values[1])
            : LimitDecision.Reject(policy.Limit, TimeSpan.FromTicks((long)values[2] * 10));
        return new RedisDecision(decision, RaceDetected: false);
    }
}
