namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// A traffic shape the HTTP rows are measured under, each set with its own baseline, so every ratio compares rows
/// that met the same clients, limits and routing.
/// </summary>
/// <param name="Id">What <c>./lab bench --sets</c> names it by.</param>
/// <param name="Title">How the report heads its table.</param>
/// <param name="Clients">Distinct API keys the load uses.</param>
/// <param name="RateLimit">Per client, per <paramref name="WindowSeconds"/>.</param>
/// <param name="WindowSeconds">The window (or refill period) of every row's limit.</param>
/// <param name="Keys">How wrk picks a key for each request.</param>
/// <param name="Affinity">nginx hashes the API key instead of going round-robin.</param>
/// <param name="Rows">The rows measured in this set, the baseline first.</param>
public sealed record BenchRowSet(string Id, string Title, int Clients, int RateLimit, int WindowSeconds, BenchKeys Keys, bool Affinity, IReadOnlyList<BenchRow> Rows)
{
    public const int SmallClients = 20;

    /// <summary>
    /// 20 keys limited to 100 per 10 s: each is limited many times over in a run, and concurrent requests for one
    /// key meet, which is when naive counting races.
    /// </summary>
    public static BenchRowSet Rotating { get; } = new("rotating", "20 clients over their limit", SmallClients, 100, 10, BenchKeys.Rotate, false, BenchRow.All);

    /// <summary>
    /// 10,000 keys drawn at random, one to five requests each in a run, by the row's speed: every request is admitted, and new clients
    /// arrive throughout, so activating a client's grain, its directory entry and its first Redis key are measured.
    /// </summary>
    public static BenchRowSet Many { get; } = new("many", "10,000 clients, each under its limit, arriving throughout", 10_000, 100, 10, BenchKeys.Random, false, BenchRow.WithoutPeers);

    /// <summary>
    /// One key whose limit most of the load fits under: one activation serialises every decision, one Redis key
    /// takes every script. A one-second window lets the limit bind every second a row decides more than it allows,
    /// so exactness shows at whatever speed the row reaches.
    /// </summary>
    public static BenchRowSet Hot { get; } = new("hot", "one hot client, limit 1,000 per second", 1, 1_000, 1, BenchKeys.Rotate, false, BenchRow.BaselineAndModes);

    /// <summary>The 20 rotating clients again, with nginx hashing the API key: each client's requests and grain on one silo.</summary>
    public static BenchRowSet Routed { get; } = new("affinity", "20 clients over their limit, affinity routing", SmallClients, 100, 10, BenchKeys.Rotate, true, BenchRow.AffinityRows);

    public static IReadOnlyList<BenchRowSet> All { get; } = [Rotating, Many, Hot, Routed];

    public BenchRow Baseline => Rows.Single(r => r.Kind == BenchRowKind.Baseline);

    public static BenchRowSet? Find(string id) => All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
}
