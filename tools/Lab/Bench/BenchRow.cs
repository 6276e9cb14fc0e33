namespace RateLimiterOrleans.Lab.Bench;

/// <summary>One thing to measure over HTTP through nginx: a path, and the configuration to apply first.</summary>
/// <param name="Name">How the table names it.</param>
/// <param name="Path">The endpoint: <c>/api/request</c>, its no-decision twin, a ceiling's or a peer limiter's.</param>
/// <param name="Kind">Whether it decides, and whose decision it is.</param>
/// <param name="Mode">The lab mode to configure, or null for the rows that are not a mode.</param>
/// <param name="Algorithm">The lab algorithm to configure.</param>
/// <param name="Shared">Whether the limit is meant to hold across silos (local and the in-process peer are per silo).</param>
public sealed record BenchRow(string Name, string Path, BenchRowKind Kind, string? Mode, string Algorithm, bool Shared)
{
    public static BenchRow Baseline { get; } = new("baseline (no decision)", "/api/baseline", BenchRowKind.Baseline, null, "sliding_window", Shared: false);

    /// <summary><c>grain</c> mode's call to the client's grain, to a grain that admits everything.</summary>
    public static BenchRow GrainCallCeiling { get; } = new("ceiling: the grain call, no decision", "/api/ceiling/grain-call", BenchRowKind.Ceiling, null, "sliding_window", Shared: false);

    /// <summary>The Redis modes' call to the worker on the silo, to a worker that admits everything with no script.</summary>
    public static BenchRow WorkerCallCeiling { get; } = new("ceiling: the worker call, no script", "/api/ceiling/worker-call", BenchRowKind.Ceiling, null, "sliding_window", Shared: false);

    /// <summary>The RedisRateLimiting package's sliding window: a Lua script per decision, from the HTTP handler.</summary>
    public static BenchRow RedisRateLimitingPeer { get; } = new("peer: RedisRateLimiting sliding window", "/api/peer/redis-rate-limiting", BenchRowKind.Peer, null, "sliding_window", Shared: true);

    public static IReadOnlyList<BenchRow> All { get; } =
    [
        Baseline,
        GrainCallCeiling,
        WorkerCallCeiling,
        Decides("local", "sliding_window", shared: false),
        Decides("local", "token_bucket", shared: false),
        Decides("grain", "sliding_window"),
        Decides("grain", "token_bucket"),
        Decides("redis_naive", "sliding_window"),
        Decides("redis_naive", "token_bucket"),
        Decides("redis_atomic", "sliding_window"),
        Decides("redis_atomic", "token_bucket"),
        RedisRateLimitingPeer,
        new("peer: SlidingWindowRateLimiter (in-process)", "/api/peer/sliding-window-rate-limiter", BenchRowKind.Peer, null, "sliding_window", Shared: false),
    ];

    /// <summary>The baseline, the ceilings and the lab's own modes, without the peers.</summary>
    public static IReadOnlyList<BenchRow> WithoutPeers { get; } = All.Where(r => r.Kind != BenchRowKind.Peer).ToList();

    /// <summary>The baseline and the lab's own modes: where exactness is what is measured, a row that admits everything says nothing.</summary>
    public static IReadOnlyList<BenchRow> BaselineAndModes { get; } = All.Where(r => r.Kind is BenchRowKind.Baseline or BenchRowKind.Mode).ToList();

    /// <summary>What affinity routing changes: grain calls stay on the silo, local counts become per client.</summary>
    public static IReadOnlyList<BenchRow> AffinityRows { get; } = WithoutPeers.Where(r => r.Kind != BenchRowKind.Mode || r.Mode is "local" or "grain" || r.Name == "redis_atomic, sliding window").ToList();

    /// <summary>Whether the row limits at all, so over-admission applies.</summary>
    public bool Limited => Kind is BenchRowKind.Mode or BenchRowKind.Peer;

    private static BenchRow Decides(string mode, string algorithm, bool shared = true) =>
        new($"{mode}, {algorithm.Replace('_', ' ')}", "/api/request", BenchRowKind.Mode, mode, algorithm, shared);
}
