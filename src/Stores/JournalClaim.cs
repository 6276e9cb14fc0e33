namespace RateLimiterOrleans.Stores;

/// <summary>What a new activation finds when it claims a client's journal: its own epoch, the last entry, and Redis' time.</summary>
/// <param name="Reserved">Permits the claim itself reserved for the new activation from <paramref name="Now"/>: its first
/// block when the journal held nothing, else 0 (the activation reserves once it has recorded what it took over).</param>
public sealed record JournalClaim(long Epoch, JournalEntry Entry, long Now, int Reserved);
