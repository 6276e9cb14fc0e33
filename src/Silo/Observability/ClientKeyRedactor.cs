using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Observability;

/// <summary>
/// Replaces client keys with their digest in every span before export. API keys are secrets, but they
/// are also grain keys (Orleans records <c>clientlimiter/&lt;key&gt;</c> as a span attribute) and part of
/// Redis key names (which the Redis instrumentation records).
/// </summary>
internal sealed partial class ClientKeyRedactor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        var redacted = new List<(string Key, string Value)>();
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is string text && Redact(text) is { } clean && clean != text)
            {
                redacted.Add((key, clean));
            }
        }

        foreach (var (key, value) in redacted)
        {
            data.SetTag(key, value);
        }
    }

    private static string? Redact(string text)
    {
        string withoutGrainKeys = LimiterGrainId().Replace(text, m => $"{m.Groups["type"].Value}/{RateLimiterTelemetry.ClientDigest(m.Groups["key"].Value)}");
        return RedisKey().Replace(withoutGrainKeys, m => $"ratelimit:{{{RateLimiterTelemetry.ClientDigest(m.Groups["key"].Value)}}}");
    }

    // The grain types of the limiter grains (clientlimiter, locallimiter, redisnaivelimiter, redisatomiclimiter).
    [GeneratedRegex(@"(?<type>\b[a-z]*limiter)/(?<key>.+)$")]
    private static partial Regex LimiterGrainId();

    [GeneratedRegex(@"ratelimit:\{(?<key>[^}]*)\}")]
    private static partial Regex RedisKey();
}
