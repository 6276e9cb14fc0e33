namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// What a request gets when the cluster cannot be reached (no gateway reachable, a silo gone). A decision that
/// does not come within <see cref="ClusterRateLimiterOptions.DecisionTimeout"/> is always refused with 503: the
/// cluster is slow, not gone, and may still count it. When the cluster does answer, its own <c>fail_mode</c> has
/// already decided what a Redis outage means, and that decision stands.
/// </summary>
public enum ClusterUnavailablePolicy
{
    /// <summary>Admitted, uncounted, and marked with <c>X-RateLimit-Fail-Open: cluster_unavailable</c>: as the cluster's default <c>fail_mode: open</c>.</summary>
    Admit,

    /// <summary>Refused with 503 and <c>Retry-After: 1</c>: nothing is admitted that the cluster did not count.</summary>
    Refuse,
}
