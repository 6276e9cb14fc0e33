using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The admin bypass: a request whose <c>X-RateLimit-Bypass</c> header holds the configured secret is
/// served without being counted. Grants and wrong secrets are counted in
/// <c>rate_limit_bypass_total{outcome}</c>; the secret itself is never logged or echoed.
/// </summary>
public sealed class BypassGate(SecurityOptions security, RateLimiterMetrics metrics)
{
    private readonly SecretComparer? _secret = security.BypassToken is { } token ? new SecretComparer(token) : null;

    public bool Enabled => _secret is not null;

    public BypassOutcome Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_secret is null || !request.Headers.TryGetValue(SecurityOptions.BypassHeader, out var presented))
        {
            return BypassOutcome.NotRequested;
        }

        bool granted = _secret.Matches(presented.Count == 1 ? presented[0] : null);
        metrics.Bypass(granted);
        return granted ? BypassOutcome.Granted : BypassOutcome.WrongSecret;
    }
}
