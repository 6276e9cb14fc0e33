using Prometheus;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The admin bypass: a request whose <c>X-RateLimit-Bypass</c> header holds the configured secret is
/// served without being counted. Grants and wrong secrets are counted in
/// <c>rate_limit_bypass_total{outcome}</c>; the secret itself is never logged or echoed.
/// </summary>
public sealed class BypassGate(SecurityOptions security, InstanceName instance)
{
    private static readonly Counter Attempts = Metrics.CreateCounter(
        "rate_limit_bypass_total", "Requests that carried the bypass header, by outcome.",
        new CounterConfiguration { LabelNames = ["instance", "outcome"] });

    private readonly SecretComparer? _secret = security.BypassToken is { } token ? new SecretComparer(token) : null;

    public BypassOutcome Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_secret is null || !request.Headers.TryGetValue(SecurityOptions.BypassHeader, out var presented))
        {
            return BypassOutcome.NotRequested;
        }

        var outcome = _secret.Matches(presented.Count == 1 ? presented[0] : null) ? BypassOutcome.Granted : BypassOutcome.WrongSecret;
        Attempts.WithLabels(instance.Value, outcome == BypassOutcome.Granted ? "granted" : "wrong_secret").Inc();
        return outcome;
    }

    /// <summary>Publishes both series at zero when bypass is on, so a wrong guess shows as a rise from 0.</summary>
    public void Initialise()
    {
        if (_secret is not null)
        {
            Attempts.WithLabels(instance.Value, "granted");
            Attempts.WithLabels(instance.Value, "wrong_secret");
        }
    }
}
