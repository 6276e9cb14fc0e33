namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>Redis as the lab page shows it: <c>up</c> with its key count and memory, or <c>down</c> with why.</summary>
public sealed record RedisState(string Status, long? Keys, long? UsedMemoryBytes, string? UsedMemory, string? Error);
