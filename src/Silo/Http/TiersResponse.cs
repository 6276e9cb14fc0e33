using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/admin/tiers</c>: the default tier, the named tiers, and which API key is in which.</summary>
public sealed record TiersResponse(
    string Instance,
    TierResponse Default,
    IReadOnlyDictionary<string, TierResponse> Tiers,
    IReadOnlyDictionary<string, string> Assignments,
    long Version)
{
    public static TiersResponse From(ClusterConfig config, string instance) => new(
        instance,
        TierResponse.From(config.DefaultLimits),
        config.Tiers.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => TierResponse.From(t.Value)),
        config.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(),
        config.Version);
}

/// <summary>One tier's limits on the wire.</summary>
public sealed record TierResponse(int RateLimit, int WindowSizeSeconds, string Algorithm, bool Shadow)
{
    public static TierResponse From(TierLimits limits) => new(limits.RateLimit, limits.WindowSizeSeconds, limits.Algorithm.ToName(), limits.Shadow);
}
