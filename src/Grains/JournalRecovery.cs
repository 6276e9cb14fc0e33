using RateLimiterOrleans.Algorithms;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// What a new activation takes over from a journal: the recorded count, plus every permit the previous activation had
/// reserved and not reported, counted as used at the latest moment it could have been used (the end of its
/// reservation, or now). The previous activation may have used fewer, so a client can lose up to one reservation
/// after a crash; it can never gain one.
/// </summary>
public static class JournalRecovery
{
    public static CountSnapshot? Recover(JournalClaim claim, ClientPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(policy);
        var entry = claim.Entry;
        if (entry.State.Length == 0 || JournalCodec.Decode(entry.State) is not { } recorded)
        {
            return null;
        }

        var sinceRecord = Microseconds(claim.Now - entry.RecordedAt);
        var reservedUsedAt = Microseconds(Math.Min(claim.Now, entry.ReservedUntil) - entry.RecordedAt);
        return recorded.IsTokenBucket
            ? TokenBucketAfter(recorded.TokensUsed, entry.Reserved, reservedUsedAt, sinceRecord, policy.TokenBucket)
            : new CountSnapshot(false, [.. Aged(recorded.Admissions, sinceRecord), new AdmissionGroup(sinceRecord - reservedUsedAt, entry.Reserved)], 0);
    }

    private static IEnumerable<AdmissionGroup> Aged(IEnumerable<AdmissionGroup> admissions, TimeSpan by) =>
        admissions.Select(group => group with { Age = group.Age + by });

    // The bucket as recorded, refilled until the reserved tokens' latest use, less those tokens, then refilled until now.
    private static CountSnapshot TokenBucketAfter(int usedAtRecord, int reserved, TimeSpan reservedUsedAt, TimeSpan sinceRecord, TokenBucketPolicy policy)
    {
        double capacity = policy.Capacity;
        double perSecond = capacity / policy.RefillPeriod.TotalSeconds;
        double level = Math.Min(capacity, capacity - usedAtRecord + perSecond * reservedUsedAt.TotalSeconds);
        level = Math.Max(0, level - reserved);
        level = Math.Min(capacity, level + perSecond * (sinceRecord - reservedUsedAt).TotalSeconds);
        return new CountSnapshot(true, [], policy.Capacity - (int)Math.Floor(level));
    }

    private static TimeSpan Microseconds(long microseconds) => TimeSpan.FromTicks(Math.Max(0, microseconds) * 10);
}
