namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// The body of <c>GET /admin/cluster</c>: every silo, Redis, and whether the answering silo allows chaos.
/// </summary>
public sealed record ClusterResponse(string Instance, bool Chaos, IReadOnlyList<SiloState> Silos, RedisState Redis);
