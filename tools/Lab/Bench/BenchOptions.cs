namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The shape of one <c>./lab bench</c> run. Every HTTP row gets the same load generator (wrk), the same
/// connections and duration, and within a set the same clients and limit, so rows differ only in what decides.
/// </summary>
public sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(8);

    public int Rounds { get; init; } = 2;

    public int Connections { get; init; } = 32;

    /// <summary>The traffic shapes to measure, each with its own clients, limit and routing.</summary>
    public IReadOnlyList<BenchRowSet> Sets { get; init; } = BenchRowSet.All;

    /// <summary>Measure three idle silos' CPU and context switches after the load.</summary>
    public bool Idle { get; init; } = true;

    /// <summary>One-off clients for the silo memory measurement.</summary>
    public int ScaleClients { get; init; } = 100_000;

    public bool Micro { get; init; } = true;
}
