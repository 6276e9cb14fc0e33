namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The body of <c>/admin/stats</c>, for this instance only: the <c>local</c> mode's count per API key and per
/// address (callers without a key), decisions taken here by mode and result, and the races the naive mode
/// detected here.
/// </summary>
public sealed record StatsResponse(
    string Instance,
    string Mode,
    IReadOnlyDictionary<string, int> LocalClients,
    IReadOnlyDictionary<string, int> LocalAddresses,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Decisions,
    long RacesDetected);
