namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/health</c>: the verdict, then each check it rests on.</summary>
public sealed record HealthResponse(string Status, string Instance, string Silo, string Redis, string Config, int ActiveSilos);
