namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The shape of one <c>./lab bench</c> run. Every HTTP row gets the same load generator (wrk), the same
/// connections, clients and duration, so rows differ only in what decides.
/// </summary>
public sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(8);

    public int Rounds { get; init; } = 2;

    public int Connections { get; init; } = 32;

    /// <summary>
    /// Distinct API keys the load rotates over: few enough that each is limited many times over in a run,
    /// and that concurrent requests for one key meet, which is when naive counting races.
    /// </summary>
    public int Clients { get; init; } = 20;

    /// <summary>Per client, so the load exceeds it and over-admission can show.</summary>
    public int RateLimit { get; init; } = 100;

    public int WindowSeconds { get; init; } = 10;

    /// <summary>One-off clients for the silo memory measurement.</summary>
    public int ScaleClients { get; init; } = 100_000;

    public bool Micro { get; init; } = true;
}
