using System.Globalization;
using Microsoft.AspNetCore.Http;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> as in draft-ietf-httpapi-ratelimit-headers, and
/// <c>Retry-After</c> on rejections. The policy is named after the client's tier. Seconds are rounded up,
/// so a client that waits them is admitted. <c>/api/request</c> and the adapter both answer with these.
/// </summary>
public static class RateLimitHeaders
{
    public const string FailOpenHeader = "X-RateLimit-Fail-Open";
    public const string FallbackHeader = "X-RateLimit-Fallback";

    /// <summary>On a request admitted only because its tier is in shadow mode.</summary>
    public const string ShadowHeader = "X-RateLimit-Shadow";

    public const string ShadowWouldRefuse = "would-refuse";

    public static void Apply(HttpResponse response, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(decision);
        switch (decision.Basis)
        {
            case DecisionBasis.FailedOpen:
                // Redis could not decide: no quota is known, so the draft's fields would be made up.
                response.Headers[FailOpenHeader] = "redis_unavailable";
                return;
            case DecisionBasis.FailedClosed or DecisionBasis.Overloaded or DecisionBasis.Fenced:
                response.Headers.RetryAfter = SecondsUntilRetry(decision).ToString(CultureInfo.InvariantCulture);
                return;
            case DecisionBasis.LocalFallback:
                // This silo's share of the limit decided; the fields below describe that share.
                response.Headers[FallbackHeader] = "local";
                break;
        }

        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{decision.Tier}\";q={decision.Limit};w={decision.WindowSizeSeconds}");
        if (decision.WouldHaveBeenRefused)
        {
            response.Headers[ShadowHeader] = ShadowWouldRefuse;
        }

        if (decision.Allowed)
        {
            // t is optional in the draft; an admission does not know when the next slot frees, so it omits t.
            response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{decision.Tier}\";r={decision.Remaining}");
            return;
        }

        long resetSeconds = SecondsUntilRetry(decision);
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{decision.Tier}\";r={decision.Remaining};t={resetSeconds}");
        response.Headers.RetryAfter = resetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    public static long SecondsUntilRetry(Decision decision) =>
        decision is null ? throw new ArgumentNullException(nameof(decision))
        : decision.Allowed ? 0 : Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds));
}
