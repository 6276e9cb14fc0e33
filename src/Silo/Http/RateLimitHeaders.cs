using System.Globalization;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> as in draft-ietf-httpapi-ratelimit-headers, and
/// <c>Retry-After</c> on rejections. Seconds are rounded up, so a client that waits them is admitted.
/// </summary>
internal static class RateLimitHeaders
{
    public const string PolicyName = "default";

    public static void Apply(HttpResponse response, Decision decision, int windowSeconds)
    {
        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={decision.Limit};w={windowSeconds}");
        if (decision.Allowed)
        {
            // t is optional in the draft; an admission does not know when the next slot frees, so it omits t.
            response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={decision.Remaining}");
            return;
        }

        long resetSeconds = SecondsUntilRetry(decision);
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={decision.Remaining};t={resetSeconds}");
        response.Headers.RetryAfter = resetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    public static long SecondsUntilRetry(Decision decision) =>
        decision.Allowed ? 0 : Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds));
}
