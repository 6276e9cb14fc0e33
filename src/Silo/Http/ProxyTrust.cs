using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>Takes the client address from nginx's <c>X-Real-IP</c>, from trusted proxies only.</summary>
internal static class ProxyTrust
{
    public static void Apply(ForwardedHeadersOptions forwarded, IOptions<ProxyOptions> proxy)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        forwarded.ForwardedForHeaderName = "X-Real-IP";
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var network in proxy.Value.TrustedNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
