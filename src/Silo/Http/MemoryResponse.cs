namespace RateLimiterOrleans.Silo.Http;

/// <summary>The body of <c>/admin/memory</c>: this silo's managed heap and its active <c>grain</c>-mode client grains and the clients its <c>local</c> mode counts.</summary>
public sealed record MemoryResponse(string Instance, long ManagedBytes, long WorkingSetBytes, long ClientGrains, long LocalClientCount, bool Collected);
