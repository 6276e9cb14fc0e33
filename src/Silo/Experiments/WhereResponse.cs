using RateLimiterOrleans.Silo.Agents;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// The body of <c>GET /admin/where</c>: the silo holding the client's <c>grain</c>-mode activation (null when it
/// has none), and the client's recent grain-mode decisions with the silo that took and the silo that decided each.
/// </summary>
public sealed record WhereResponse(string Instance, string Client, string Mode, string? Activation, IReadOnlyList<RecentDecision> Recent);
