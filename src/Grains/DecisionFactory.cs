using Microsoft.Extensions.Options;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>Turns an algorithm's or a store's verdict into the <see cref="Decision"/> that leaves this silo.</summary>
public sealed class DecisionFactory(IOptions<RateLimiterOptions> options)
{
    // A refusal that counted nothing: asking again in a second is cheap and may find the silo or Redis back.
    private static readonly TimeSpan RetryUncounted = TimeSpan.FromSeconds(1);

    private readonly string _instance = options.Value.InstanceName;

    public string Instance => _instance;

    /// <remarks>
    /// In a shadow tier a refusal is turned into a marked admission here, after the count decided: the count is
    /// exactly what enforcing the limit would have kept, so turning shadow mode off changes no count.
    /// </remarks>
    public Decision Create(LimitDecision verdict, RateLimitMode mode, ClientPolicy policy, bool raceDetected = false, DecisionBasis basis = DecisionBasis.Count)
    {
        bool shadowed = !verdict.Allowed && policy.Limits.Shadow;
        return new(verdict.Allowed || shadowed, verdict.Limit, verdict.Remaining, verdict.RetryAfter, mode, raceDetected, _instance,
            policy.Tier, policy.Algorithm, policy.Limits.WindowSizeSeconds, basis, WouldHaveBeenRefused: shadowed);
    }

    /// <summary>
    /// Admitted without a count, whatever the limit: only for <c>./lab bench</c>'s ceilings, which measure a mode's
    /// calls with the decision taken out.
    /// </summary>
    public Decision AdmitWithoutCounting(RateLimitMode mode, ClientPolicy policy, int permits) =>
        Create(LimitDecision.Admit(policy.Limits.RateLimit, Math.Max(0, policy.Limits.RateLimit - permits)), mode, policy);

    /// <summary>Nothing was counted: Redis failed and the policy is open or closed, or this silo was overloaded.</summary>
    public Decision Uncounted(RateLimitMode mode, ClientPolicy policy, DecisionBasis basis) =>
        new(basis == DecisionBasis.FailedOpen, policy.Limits.RateLimit, 0, RetryUncounted, mode, false, _instance,
            policy.Tier, policy.Algorithm, policy.Limits.WindowSizeSeconds, basis);
}
