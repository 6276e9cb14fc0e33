using System.Net;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Hosting;

/// <summary>
/// Refuses to start a silo whose unguarded admin API would be reachable beyond this machine: anyone who
/// reached it could change every limit, reset any client and read the dashboard.
/// </summary>
internal static class AdminExposure
{
    /// <exception cref="InvalidOperationException">The admin API would be open beyond loopback without being allowed.</exception>
    public static void Check(IConfiguration configuration, SecurityOptions security)
    {
        if (security.AdminToken is not null || security.AllowOpenAdmin)
        {
            return;
        }

        var exposed = ListenAddresses(configuration).Where(IsBeyondLoopback).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"This silo listens beyond loopback ({string.Join(", ", exposed)}) and its admin API (/admin/*, /dashboard) is open. "
                + $"Set {SecurityOptions.AdminVariable} to require a token, or {SecurityOptions.AllowOpenAdminVariable}=true if only trusted callers can reach it.");
        }
    }

    // Where Kestrel will listen: --urls or ASPNETCORE_URLS, ASPNETCORE_HTTP(S)_PORTS (every address), and
    // Kestrel:Endpoints. With none of them, Kestrel listens on localhost:5000.
    private static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var port in (configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return $"*:{port}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    private static bool IsBeyondLoopback(string url)
    {
        string authority = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        authority = authority.Split('/')[0];
        string host = authority.StartsWith('[') ? authority[1..authority.IndexOf(']')] : authority.Split(':')[0];
        return host switch
        {
            "localhost" => false,
            // A Unix socket (http://unix:/path) is not on the network.
            "unix" => false,
            _ => !(IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)),
        };
    }
}
