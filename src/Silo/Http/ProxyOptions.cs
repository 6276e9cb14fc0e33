namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Which proxies may name the client's address (section <c>Proxy</c>). Only these are believed when they
/// send <c>X-Real-IP</c>; from anyone else the header is ignored, so a caller cannot pick its own identity.
/// </summary>
public sealed record ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>CIDR networks of trusted proxies. The native lab's nginx is on loopback.</summary>
    public List<string> TrustedNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];
}
