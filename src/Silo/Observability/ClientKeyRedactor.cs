using System.Diagnostics;
using OpenTelemetry;

namespace RateLimiterOrleans.Silo.Observability;

/// <summary>
/// Replaces client keys with their digest in every span before export. API keys are secrets, but they
/// are also grain keys (Orleans records <c>clientlimiter/&lt;key&gt;</c> as a span attribute) and part of
/// Redis key names (which the Redis instrumentation records).
/// </summary>
internal sealed class ClientKeyRedactor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        var redacted = new List<(string Key, string Value)>();
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is string text && ClientKeyRedaction.RedactValue(text) is var clean && clean != text)
            {
                redacted.Add((key, clean));
            }
        }

        foreach (var (key, value) in redacted)
        {
            data.SetTag(key, value);
        }
    }
}
