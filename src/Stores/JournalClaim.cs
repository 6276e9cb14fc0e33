namespace RateLimiterOrleans.Stores;

/// <summary>What a new activation finds when it claims a client's journal: its own epoch, the last entry, and Redis' time.</summary>
public sealed record JournalClaim(long Epoch, JournalEntry Entry, long Now);
