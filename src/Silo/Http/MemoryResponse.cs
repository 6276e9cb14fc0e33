namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/admin/memory</c>: this silo's managed heap and its active in-memory limiter grains.</summary>
public sealed record MemoryResponse(string Instance, long ManagedBytes, long WorkingSetBytes, long ClientGrains, long LocalGrains, bool Collected);
