using Microsoft.Extensions.Logging;
using RateLimiterOrleans.Algorithms;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// A <c>grain</c>-mode activation's journal: it claims it when the activation starts, records its count and reserves
/// a block of permits once per block, and hands the exact count over when it deactivates. Redis is written once per
/// reservation, never per request. Serialised by the activation's turns.
/// </summary>
internal sealed partial class ClientJournal(
    GrainJournalStore store,
    string client,
    int reservation,
    RateLimiterMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private const int SnapshotGranules = 256;

    private long _epoch;
    private int _balance;
    private long _reservedUntil;
    private bool _unjournaled;

    /// <summary>
    /// Claims the journal for this activation; returns the count to take over, or null for none (or Redis unreachable).
    /// A journal that holds nothing is claimed with the first block already reserved.
    /// </summary>
    public async Task<CountSnapshot?> ClaimAsync(long generation, ClientPolicy policy)
    {
        var window = policy.Limits.Window;
        string emptyState = JournalCodec.Encode(new CountSnapshot(policy.Algorithm == RateLimitAlgorithm.TokenBucket, [], 0));
        long sentAt = time.GetTimestamp();
        try
        {
            var claim = await store.ClaimAsync(client, generation, emptyState, Block(1, policy), window, KeepFor(policy));
            metrics.JournalWritten(JournalWritePurposes.Claim);
            _epoch = claim.Epoch;
            if (claim.Reserved > 0)
            {
                Reserved(claim.Reserved, sentAt, window);
            }

            return JournalRecovery.Recover(claim, policy);
        }
        catch (RedisStoreException e)
        {
            LogClaimFailed(RateLimiterTelemetry.ClientDigest(client), e.Failure);
            return null;
        }
    }

    /// <summary>
    /// Makes sure <paramref name="permits"/> are reserved before they are admitted: when the reservation runs short or
    /// out of time, records <paramref name="capture"/>'s count and reserves the next block in one write.
    /// </summary>
    public async Task<JournalReservation> ReserveAsync(int permits, long generation, ClientPolicy policy, Func<TimeSpan, CountSnapshot> capture)
    {
        if (_balance >= permits && time.GetTimestamp() < _reservedUntil)
        {
            return JournalReservation.Reserved;
        }

        int block = Block(permits, policy);
        var window = policy.Limits.Window;
        long sentAt = time.GetTimestamp();
        try
        {
            string state = JournalCodec.Encode(capture(window / SnapshotGranules));
            var write = await store.RecordAsync(client, generation, _epoch, state, block, window, KeepFor(policy));
            metrics.JournalWritten(JournalWritePurposes.Reserve);
            if (write.Fenced)
            {
                LogFenced(RateLimiterTelemetry.ClientDigest(client), _epoch);
                return JournalReservation.Fenced;
            }

            Reserved(block, sentAt, window);
            _unjournaled = false;
            return JournalReservation.Reserved;
        }
        catch (RedisStoreException e)
        {
            if (!_unjournaled)
            {
                _unjournaled = true;
                LogReserveFailed(RateLimiterTelemetry.ClientDigest(client), e.Failure);
            }

            return JournalReservation.Unjournaled;
        }
    }

    /// <summary>Spends reserved permits on an admission.</summary>
    public void Use(int permits) => _balance = Math.Max(0, _balance - permits);

    /// <summary>Hands the exact count over to the next activation (or forgets the journal when the count is empty).</summary>
    public async Task HandOverAsync(long generation, ClientPolicy policy, Func<TimeSpan, CountSnapshot> capture)
    {
        try
        {
            var count = capture(policy.Limits.Window / SnapshotGranules);
            string state = count.IsEmpty ? "" : JournalCodec.Encode(count);
            await store.RecordAsync(client, generation, _epoch, state, 0, TimeSpan.Zero, KeepFor(policy));
            metrics.JournalWritten(JournalWritePurposes.HandOver);
        }
        catch (RedisStoreException e)
        {
            LogHandOverFailed(RateLimiterTelemetry.ClientDigest(client), e.Failure);
        }
    }

    private int Block(int permits, ClientPolicy policy) =>
        Math.Max(permits, reservation > 0 ? reservation : (policy.Limits.RateLimit + 9) / 10);

    // Redis starts the reservation when the script runs, after the request was sent, so ending it locally one window
    // after sending never lets this activation use a permit later than the journal says it could have.
    private void Reserved(int block, long sentAt, TimeSpan window)
    {
        _balance = block;
        _reservedUntil = sentAt + (long)(window.TotalSeconds * time.TimestampFrequency);
    }

    // Recorded admissions leave the window one window after the record at the latest, and reserved ones one window
    // after the reservation ends: two windows.
    private static TimeSpan KeepFor(ClientPolicy policy) => policy.Limits.Window * 2;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientDigest}: the journal could not be claimed ({Failure}); this activation starts from an empty count")]
    private partial void LogClaimFailed(string clientDigest, RedisFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientDigest}: no permits could be reserved ({Failure}); counting in memory only until Redis answers")]
    private partial void LogReserveFailed(string clientDigest, RedisFailure failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientDigest}: a newer activation claimed the journal after epoch {Epoch}; this one admits nothing more and deactivates")]
    private partial void LogFenced(string clientDigest, long epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientDigest}: the count could not be handed over ({Failure}); the next activation takes over the last reservation")]
    private partial void LogHandOverFailed(string clientDigest, RedisFailure failure);
}
