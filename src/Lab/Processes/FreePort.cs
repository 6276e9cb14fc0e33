using System.Net;
using System.Net.Sockets;

namespace RateLimiterOrleans.Lab.Processes;

/// <summary>Ports for test stacks, chosen by the kernel so they never collide with a running lab.</summary>
public static class FreePort
{
    public static int Take()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
