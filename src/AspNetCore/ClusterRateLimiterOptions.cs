using Microsoft.AspNetCore.Http;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>How an app's requests are limited by the cluster; checked when the app starts.</summary>
public sealed record ClusterRateLimiterOptions
{
    /// <summary>
    /// Who a request counts against: an API key, a user, a route, or a combination, as 1 to 256 printable characters.
    /// The cluster knows it as an API key, so <c>PUT /admin/assignments</c> can put it in a tier. Null leaves the
    /// request unlimited. Required.
    /// </summary>
    public Func<HttpContext, string?>? Key { get; set; }

    /// <summary>What a request costs in permits, from 1 to its tier's limit (Envoy's <c>hits_addend</c>). One by default.</summary>
    public Func<HttpContext, int> Cost { get; set; } = static _ => 1;

    /// <summary>
    /// How long a request waits for the cluster's decision before it is refused with 503 and <c>Retry-After: 1</c>.
    /// Three seconds by default: longer than the silos' own 2 s grain-call timeout, so the cluster answers for itself
    /// whenever it can.
    /// </summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>What a request gets when the cluster cannot be reached.</summary>
    public ClusterUnavailablePolicy WhenClusterUnavailable { get; set; } = ClusterUnavailablePolicy.Admit;
}
