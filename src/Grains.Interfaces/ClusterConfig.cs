using System.Collections.Immutable;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// The cluster-wide configuration: one copy in the config grain, cached in every silo.
/// </summary>
/// <param name="Mode">Which strategy decides.</param>
/// <param name="RateLimit">The default tier's requests per window, per client.</param>
/// <param name="WindowSizeSeconds">The default tier's window.</param>
/// <param name="Version">Grows by one with every change, so a silo can tell a newer copy from its own.</param>
/// <param name="ResetCounter">Grows by one with every reset, of one client or of all.</param>
/// <param name="FullResetGeneration">The counter's value at the last reset of all clients; it also names the Redis key space.</param>
/// <param name="ClientResets">Recent resets of single clients by <see cref="ClientId"/> value, kept until the longest window that can apply to them has passed.</param>
/// <param name="Algorithm">The default tier's algorithm.</param>
/// <param name="Tiers">Named tiers besides the default one.</param>
/// <param name="Assignments">API key to tier name; every other client is in the default tier.</param>
/// <param name="FailMode">What a Redis-mode request gets while Redis is unreachable.</param>
/// <param name="Shadow">Whether the default tier is in shadow mode (<see cref="TierLimits.Shadow"/>).</param>
[GenerateSerializer, Immutable]
public sealed record ClusterConfig(
    [property: Id(0)] RateLimitMode Mode,
    [property: Id(1)] int RateLimit,
    [property: Id(2)] int WindowSizeSeconds,
    [property: Id(3)] long Version,
    [property: Id(4)] long ResetCounter,
    [property: Id(5)] long FullResetGeneration,
    [property: Id(6)] ImmutableDictionary<string, ClientReset> ClientResets,
    [property: Id(7)] RateLimitAlgorithm Algorithm,
    [property: Id(9)] ImmutableDictionary<string, TierLimits> Tiers,
    [property: Id(10)] ImmutableDictionary<string, string> Assignments,
    [property: Id(11)] FailMode FailMode,
    [property: Id(12)] bool Shadow = false)
{
    public const string DefaultTier = "default";

    public bool UseRedis => Mode.UsesRedis();

    public bool UseLuaScript => Mode.UsesLuaScript();

    /// <summary>The seed's spelling of the failure policy: true only for <see cref="FailMode.Open"/>.</summary>
    public bool FailOpen => FailMode == FailMode.Open;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSizeSeconds);

    /// <summary>The longest window of the default tier and every named tier: the oldest count any client can have.</summary>
    public TimeSpan LongestWindow => TimeSpan.FromSeconds(Tiers.Values.Select(t => t.WindowSizeSeconds).Append(WindowSizeSeconds).Max());

    /// <summary>The default tier, as the top-level fields define it.</summary>
    public TierLimits DefaultLimits => new(RateLimit, WindowSizeSeconds, Algorithm, Shadow);

    public static ClusterConfig Initial(RateLimitMode mode, int rateLimit, int windowSizeSeconds) =>
        new(mode, rateLimit, windowSizeSeconds, Version: 1, ResetCounter: 0, FullResetGeneration: 0,
            ImmutableDictionary<string, ClientReset>.Empty, RateLimitAlgorithm.SlidingWindow,
            ImmutableDictionary<string, TierLimits>.Empty, ImmutableDictionary<string, string>.Empty, FailMode.Open);

    /// <summary>
    /// The tier a client is in: an API key's assigned tier, or the default one. Tiers assign keys, not
    /// addresses, so <paramref name="client"/> is a <see cref="ClientId"/>'s namespaced value.
    /// </summary>
    /// <remarks>Without assignments the client id is not parsed: that would allocate its name on every decision.</remarks>
    public string TierOf(string client) =>
        Assignments.Count > 0 && ClientId.TryParse(client, out var id) && id.Kind == ClientKind.ApiKey && AssignedTier(id.Name) is { } tier ? tier : DefaultTier;

    /// <summary>Whether an API key is assigned to an existing named tier: what a registered key is.</summary>
    public bool IsRegistered(string apiKey) => AssignedTier(apiKey) is not null;

    public TierLimits LimitsOf(string tier) => Tiers.TryGetValue(tier, out var limits) ? limits : DefaultLimits;

    private string? AssignedTier(string apiKey) =>
        Assignments.TryGetValue(apiKey, out var tier) && Tiers.ContainsKey(tier) ? tier : null;

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
