namespace RateLimiterOrleans.Grains;

/// <summary>The two kinds of client a request can count against.</summary>
public enum ClientKind
{
    /// <summary>The caller sent <c>X-API-Key</c>.</summary>
    ApiKey,

    /// <summary>The caller sent no key and counts as its network address.</summary>
    Address,
}
