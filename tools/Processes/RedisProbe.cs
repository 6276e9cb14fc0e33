using System.Net.Sockets;
using System.Text;

namespace RateLimiterOrleans.Processes;

/// <summary>Speaks just enough RESP to ask a Redis server for PONG, with no client library.</summary>
public static class RedisProbe
{
    public static async Task<bool> PingAsync(int port, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancel.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancel.Token);
            var buffer = new byte[64];
            int read = await stream.ReadAsync(buffer, cancel.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Pings until Redis answers or <paramref name="deadline"/> passes.</summary>
    public static async Task<bool> WaitUntilReadyAsync(int port, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until)
        {
            if (await PingAsync(port, TimeSpan.FromMilliseconds(500)))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
