using System.Net;
using System.Net.Sockets;

namespace RateLimiterOrleans.Processes;

/// <summary>Ports for test stacks that collide neither with a running lab nor with each other.</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range (32768 and up): a port picked from that range can be taken by
    // any outgoing connection in the moments between choosing it and a server binding it. Also clear of
    // the seed's ports and of Orleans' default silo (11111) and gateway (30000) ports.
    private const int First = 20000;
    private const int Last = 29999;

    private static readonly HashSet<int> Handed = [];

    public static int Take()
    {
        lock (Handed)
        {
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int port = Random.Shared.Next(First, Last + 1);
                if (!Handed.Contains(port) && !IsInUse(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free port between {First} and {Last}.");
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
