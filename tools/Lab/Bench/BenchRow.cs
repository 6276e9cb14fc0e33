namespace RateLimiterOrleans.Lab.Bench;

/// <summary>One thing to measure over HTTP through nginx: a path, and the configuration to apply first.</summary>
/// <param name="Name">How the table names it.</param>
/// <param name="Path">The endpoint: <c>/api/request</c>, its no-decision twin, or a peer limiter's.</param>
/// <param name="Mode">The lab mode to configure, or null for the baseline and the peers.</param>
/// <param name="Algorithm">The lab algorithm to configure.</param>
/// <param name="Limited">Whether the row limits at all (the baseline does not), so over-admission applies.</param>
/// <param name="Shared">Whether the limit is meant to hold across silos (local and the in-process peer are per silo).</param>
public sealed record BenchRow(string Name, string Path, string? Mode, string Algorithm, bool Limited, bool Shared)
{
    public static IReadOnlyList<BenchRow> All { get; } =
    [
        new("baseline (no decision)", "/api/baseline", null, "sliding_window", Limited: false, Shared: false),
        new("local, sliding window", "/api/request", "local", "sliding_window", true, false),
        new("local, token bucket", "/api/request", "local", "token_bucket", true, false),
        new("grain, sliding window", "/api/request", "grain", "sliding_window", true, true),
        new("grain, token bucket", "/api/request", "grain", "token_bucket", true, true),
        new("redis_naive, sliding window", "/api/request", "redis_naive", "sliding_window", true, true),
        new("redis_naive, token bucket", "/api/request", "redis_naive", "token_bucket", true, true),
        new("redis_atomic, sliding window", "/api/request", "redis_atomic", "sliding_window", true, true),
        new("redis_atomic, token bucket", "/api/request", "redis_atomic", "token_bucket", true, true),
        new("peer: RedisRateLimiting sliding window", "/api/peer/redis-rate-limiting", null, "sliding_window", true, true),
        new("peer: SlidingWindowRateLimiter (in-process)", "/api/peer/sliding-window-rate-limiter", null, "sliding_window", true, false),
    ];

    /// <summary>The baseline and the lab's own modes, without the peers.</summary>
    public static IReadOnlyList<BenchRow> Modes { get; } = All.Where(r => !r.Name.StartsWith("peer:", StringComparison.Ordinal)).ToList();

    /// <summary>What affinity routing changes: grain calls stay on the silo, local counts become per client.</summary>
    public static IReadOnlyList<BenchRow> AffinityRows { get; } = Modes.Where(r => r.Mode is null or "local" or "grain" || r.Name == "redis_atomic, sliding window").ToList();
}
