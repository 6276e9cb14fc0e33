namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// A load shape, the same as the k6 scripts in <c>k6/</c>. With a <see cref="Rate"/> requests start on a
/// fixed schedule (k6's constant-arrival-rate); without one, <see cref="Concurrency"/> workers send back
/// to back with <see cref="ThinkTime"/> between requests (k6's constant-vus).
/// </summary>
public sealed record LoadScenario(string Name, int? Rate, TimeSpan Duration, int Concurrency, IReadOnlyList<string> Clients, TimeSpan ThinkTime)
{
    /// <summary>k6/basic.js: 10 virtual users for 30 s over five clients, 100 ms between requests.</summary>
    public static LoadScenario Basic { get; } = new("basic", null, TimeSpan.FromSeconds(30), 10,
        ["client-1", "client-2", "client-3", "client-4", "client-5"], TimeSpan.FromMilliseconds(100));

    /// <summary>k6/high-concurrency.js: 200 requests/s for 60 s on one client, up to 400 in flight.</summary>
    public static LoadScenario HighConcurrency { get; } = new("high-concurrency", 200, TimeSpan.FromSeconds(60), 400,
        ["race-client"], TimeSpan.Zero);

    public static LoadScenario? Named(string name) => name switch
    {
        "basic" => Basic,
        "high-concurrency" => HighConcurrency,
        _ => null,
    };

    /// <summary>The most requests this scenario can send, whatever happens: every run is bounded.</summary>
    public long MaxRequests => Rate is { } rate
        ? (long)Math.Ceiling(rate * Duration.TotalSeconds)
        : (long)Math.Ceiling(Concurrency * Duration.TotalSeconds / Math.Max(ThinkTime.TotalSeconds, 0.001));
}
