namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/health/live</c>: whether this silo's process runs as an active cluster member.</summary>
public sealed record LiveResponse(string Status, string Instance, string Silo);
