using System.Net;
using Orleans.Configuration;

namespace RateLimiterOrleans.Silo.Hosting;

/// <summary>
/// The silo's ports. Orleans' own <c>ConfigureEndpoints</c> would listen on a random port when asked for
/// no gateway on every address, so the gateway is left out here unless a port is configured.
/// </summary>
internal static class OrleansEndpoints
{
    public static void Apply(EndpointOptions endpoints, SiloHostingOptions hosting)
    {
        endpoints.AdvertisedIPAddress = IPAddress.Parse(hosting.AdvertisedIP);
        endpoints.SiloPort = hosting.SiloPort;
        endpoints.GatewayPort = hosting.GatewayPort ?? 0;
        if (hosting.ListenOnAnyAddress)
        {
            endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, hosting.SiloPort);
            endpoints.GatewayListeningEndpoint = hosting.GatewayPort is { } gateway ? new IPEndPoint(IPAddress.Any, gateway) : null;
        }
    }
}
