using System.Text.RegularExpressions;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Observability;

/// <summary>
/// Replaces client ids with their digest (<see cref="RateLimiterTelemetry.ClientDigest"/>), the one form in
/// which a client may appear in logs and traces. API keys are secrets, but they are also grain keys (Orleans
/// prints <c>clientlimiter/key:…</c> in its messages) and part of Redis key names.
/// </summary>
internal static partial class ClientKeyRedaction
{
    /// <summary>Free text (a log line, an exception): API key ids and Redis key names become digests.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains(ClientId.ApiKeyPrefix, StringComparison.Ordinal) && !text.Contains(Stores.RateLimitKeys.Prefix, StringComparison.Ordinal))
        {
            return text;
        }

        string withoutRedisKeys = RedisKey().Replace(text, m => $"{Stores.RateLimitKeys.Prefix}{{{RateLimiterTelemetry.ClientDigest(Uri.UnescapeDataString(m.Groups["client"].Value))}}}");
        return ApiKeyId().Replace(withoutRedisKeys, m => RateLimiterTelemetry.ClientDigest(m.Value));
    }

    /// <summary>An exact value (a span attribute): also an address's grain id, which free text keeps.</summary>
    public static string RedactValue(string value) =>
        AddressGrainId().Replace(Redact(value), m => $"{m.Groups["type"].Value}/{RateLimiterTelemetry.ClientDigest(m.Groups["client"].Value)}");

    // An API key's id ends where its encoded characters end (see ClientId), whatever follows it.
    [GeneratedRegex(@"\bkey:[A-Za-z0-9_~%-]+")]
    private static partial Regex ApiKeyId();

    // The client part of a Redis key is escaped so that it holds no '}'.
    [GeneratedRegex(@"ratelimit:\{(?<client>[^}]*)\}")]
    private static partial Regex RedisKey();

    // The limiter grain types (clientlimiter, locallimiter, redisnaivelimiter, redisatomiclimiter) keyed by an address.
    [GeneratedRegex(@"(?<type>\b[a-z]*limiter)/(?<client>ip:.+)$")]
    private static partial Regex AddressGrainId();
}
