namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>POST /admin/reset</c>.</summary>
public sealed record ResetResponse(string Status, string Instance, string Scope, string? Client, long Version);
