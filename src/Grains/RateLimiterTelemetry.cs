using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace RateLimiterOrleans.Grains;

/// <summary>The activity source of decision spans, and the one way a client may appear in telemetry.</summary>
public static class RateLimiterTelemetry
{
    public const string SourceName = "RateLimiterOrleans";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A short, stable digest of a client key. API keys are secrets, so spans carry this instead:
    /// enough to follow one client's requests, useless for replaying its key.
    /// </summary>
    public static string ClientDigest(string client) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(client)), 0, 8).ToLowerInvariant();
}
