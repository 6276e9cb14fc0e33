namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The body of <c>/admin/memory</c>: this silo's managed heap, its active <c>grain</c>-mode client grains and the bench's
/// bare ones (<c>/api/ceiling/grain-call</c>), and the clients its <c>local</c> mode counts.
/// </summary>
public sealed record MemoryResponse(string Instance, long ManagedBytes, long WorkingSetBytes, long ClientGrains, long BareClientGrains, long LocalClientCount, bool Collected);
