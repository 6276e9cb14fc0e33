namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// What one silo answered during a burst: admitted, rejected by the limit, refused because Redis failed
/// (fail closed), and requests that got no decision at all.
/// </summary>
public sealed record InstanceTally(long Admitted, long Rejected, long Unavailable, long Errors);
