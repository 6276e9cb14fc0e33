namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>The body of an accepted chaos action: what was done, to what, and for how long if it ends by itself.</summary>
public sealed record ChaosResponse(string Status, string Instance, string Target, int? Seconds);
