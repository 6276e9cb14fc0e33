using System.Collections.Immutable;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// The cluster-wide configuration: one copy in the config grain, cached in every silo.
/// </summary>
/// <param name="Mode">Which strategy decides.</param>
/// <param name="RateLimit">Requests admitted per window, per client.</param>
/// <param name="WindowSizeSeconds">The sliding window's length.</param>
/// <param name="Version">Grows by one with every change, so a silo can tell a newer copy from its own.</param>
/// <param name="ResetCounter">Grows by one with every reset, of one client or of all.</param>
/// <param name="FullResetGeneration">The counter's value at the last reset of all clients; it also names the Redis key space.</param>
/// <param name="ClientResets">Recent resets of single clients, kept until their window has passed.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterConfig(
    [property: Id(0)] RateLimitMode Mode,
    [property: Id(1)] int RateLimit,
    [property: Id(2)] int WindowSizeSeconds,
    [property: Id(3)] long Version,
    [property: Id(4)] long ResetCounter,
    [property: Id(5)] long FullResetGeneration,
    [property: Id(6)] ImmutableDictionary<string, ClientReset> ClientResets)
{
    public bool UseRedis => Mode.UsesRedis();

    public bool UseLuaScript => Mode.UsesLuaScript();

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSizeSeconds);

    public static ClusterConfig Initial(RateLimitMode mode, int rateLimit, int windowSizeSeconds) =>
        new(mode, rateLimit, windowSizeSeconds, Version: 1, ResetCounter: 0, FullResetGeneration: 0,
            ImmutableDictionary<string, ClientReset>.Empty);

    /// <summary>
    /// The reset generation that applies to one client. An in-memory counter that last cleared at a lower
    /// generation must clear before deciding. Forgetting an old client reset can only lower this value,
    /// which never clears anything twice.
    /// </summary>
    public long ResetGenerationFor(string client) =>
        ClientResets.TryGetValue(client, out var reset)
            ? Math.Max(reset.Generation, FullResetGeneration)
            : FullResetGeneration;
}
