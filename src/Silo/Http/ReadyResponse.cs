namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The body of <c>/health/ready</c>: whether this silo can decide in the mode in force. Redis counts only when
/// <c>redis_needed</c>; the configuration counts once loaded and while younger than the staleness bound.
/// </summary>
public sealed record ReadyResponse(string Status, string Instance, string Silo, string? Mode, string Redis, bool RedisNeeded, string Config, double? ConfigAgeSeconds);
