namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/health</c>: the verdict, then each check it rests on, and how old this silo's configuration is.</summary>
public sealed record HealthResponse(string Status, string Instance, string Silo, string Redis, string Config, int ActiveSilos, double? ConfigAgeSeconds);
