using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The <c>grain</c> mode's journal in Redis: one hash per client, off the hot path. An activation claims it when it
/// starts, which bumps an epoch; it then records its count and reserves a block of permits, at most once per block;
/// an activation whose epoch is no longer the journal's is fenced and may record nothing more.
/// </summary>
public sealed class GrainJournalStore(RedisGuard guard, ScriptClock clock)
{
    // KEYS[1] the journal hash {epoch, state, at, reserved, until}.  ARGV[1] now in microseconds, or empty for Redis
    // TIME; ARGV[2] a TTL in milliseconds for a journal that did not exist; ARGV[3] the encoded empty count, ARGV[4]
    // permits and ARGV[5] microseconds of the first reservation, made only when the journal holds no count and no
    // reservation: one that does holds the previous activation's unreported permits, which must not be overwritten
    // before the new activation has recorded them as used.
    // Returns {epoch, state, at, reserved, until, now, permits reserved by this claim}.
    private const string ClaimScript = """
        local now = tonumber(ARGV[1])
        if not now then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        end
        local epoch = redis.call('HINCRBY', KEYS[1], 'epoch', 1)
        local entry = redis.call('HMGET', KEYS[1], 'state', 'at', 'reserved', 'until')
        if (entry[1] or '') == '' and (tonumber(entry[3]) or 0) == 0 then
          redis.call('HSET', KEYS[1], 'state', ARGV[3], 'at', string.format('%.0f', now),
            'reserved', ARGV[4], 'until', string.format('%.0f', now + tonumber(ARGV[5])))
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return {epoch, '', 0, 0, 0, string.format('%.0f', now), tonumber(ARGV[4])}
        end
        if redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return {epoch, entry[1] or '', tonumber(entry[2]) or 0, tonumber(entry[3]) or 0, tonumber(entry[4]) or 0, string.format('%.0f', now), 0}
        """;

    // KEYS[1] the journal hash.  ARGV[1] the writer's epoch, ARGV[2] the encoded count (empty: nothing to keep),
    // ARGV[3] permits reserved from now on, ARGV[4] how long they may be used, in microseconds, ARGV[5] a TTL in
    // milliseconds, ARGV[6] now in microseconds, or empty for Redis TIME.
    // A journal that is gone (reset, expired) is adopted; one claimed by a newer epoch refuses the write.
    // Returns {written (1/0), now}.
    private const string RecordScript = """
        local now = tonumber(ARGV[6])
        if not now then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        end
        local epoch = tonumber(redis.call('HGET', KEYS[1], 'epoch'))
        if epoch and epoch ~= tonumber(ARGV[1]) then
          return {0, string.format('%.0f', now)}
        end
        if ARGV[2] == '' and tonumber(ARGV[3]) == 0 then
          redis.call('DEL', KEYS[1])
          return {1, string.format('%.0f', now)}
        end
        redis.call('HSET', KEYS[1], 'epoch', ARGV[1], 'state', ARGV[2], 'at', string.format('%.0f', now),
          'reserved', ARGV[3], 'until', string.format('%.0f', now + tonumber(ARGV[4])))
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return {1, string.format('%.0f', now)}
        """;

    public static IReadOnlyList<string> Scripts => [ClaimScript, RecordScript];

    /// <summary>
    /// Claims a client's journal for a new activation: bumps the epoch, fencing every older activation. When the journal
    /// holds nothing (a new client, or one whose count was handed over empty), the same write reserves the first
    /// <paramref name="reserved"/> permits for <paramref name="reservedFor"/>, recorded against <paramref name="emptyState"/>,
    /// so a new client's first decision waits for one Redis script instead of two.
    /// </summary>
    /// <param name="timeToLive">How long a journal created by this claim lives if nothing more is recorded.</param>
    public async Task<JournalClaim> ClaimAsync(string client, long generation, string emptyState, int reserved, TimeSpan reservedFor, TimeSpan timeToLive)
    {
        ArgumentException.ThrowIfNullOrEmpty(emptyState);
        RedisKey[] keys = [RateLimitKeys.GrainJournal(client, generation)];
        RedisValue[] args = [clock.Microseconds(), (long)Math.Ceiling(timeToLive.TotalMilliseconds), emptyState, reserved, reservedFor.Ticks / 10];
        var values = (RedisResult[])(await guard.RunAsync(db => db.ScriptEvaluateAsync(ClaimScript, keys, args)))!;
        var entry = new JournalEntry((string?)values[1] ?? "", (long)values[2], (int)(long)values[3], (long)values[4]);
        return new JournalClaim((long)values[0], entry, (long)values[5], (int)(long)values[6]);
    }

    /// <summary>
    /// Records an activation's count and reserves <paramref name="reserved"/> permits for <paramref name="reservedFor"/>;
    /// an empty state with nothing reserved deletes the journal.
    /// </summary>
    public async Task<JournalWrite> RecordAsync(string client, long generation, long epoch, string state, int reserved, TimeSpan reservedFor, TimeSpan timeToLive)
    {
        ArgumentNullException.ThrowIfNull(state);
        RedisKey[] keys = [RateLimitKeys.GrainJournal(client, generation)];
        RedisValue[] args =
        [
            epoch, state, reserved, reservedFor.Ticks / 10, (long)Math.Ceiling(timeToLive.TotalMilliseconds), clock.Microseconds(),
        ];
        var values = (RedisResult[])(await guard.RunAsync(db => db.ScriptEvaluateAsync(RecordScript, keys, args)))!;
        return new JournalWrite((long)values[0] == 1, (long)values[1]);
    }
}
