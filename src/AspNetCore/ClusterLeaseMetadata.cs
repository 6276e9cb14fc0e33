using System.Threading.RateLimiting;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// What a <see cref="ClusterLease"/> tells besides <see cref="MetadataName.RetryAfter"/> and
/// <see cref="MetadataName.ReasonPhrase"/>, named as the response headers that carry it.
/// </summary>
public static class ClusterLeaseMetadata
{
    /// <summary>The tier's limit per window.</summary>
    public static MetadataName<int> Limit { get; } = MetadataName.Create<int>("RateLimit-Limit");

    /// <summary>Permits left in the window after this decision.</summary>
    public static MetadataName<int> Remaining { get; } = MetadataName.Create<int>("RateLimit-Remaining");

    /// <summary>The tier the key is in.</summary>
    public static MetadataName<string> Tier { get; } = MetadataName.Create<string>("RateLimit-Tier");

    /// <summary><c>would-refuse</c> on a lease granted only because the tier is in shadow mode.</summary>
    public static MetadataName<string> Shadow { get; } = MetadataName.Create<string>(RateLimitHeaders.ShadowHeader);

    /// <summary>
    /// On a lease granted uncounted: <c>redis_unavailable</c> (the cluster's <c>fail_mode: open</c>) or
    /// <c>cluster_unavailable</c> (<see cref="ClusterUnavailablePolicy.Admit"/>).
    /// </summary>
    public static MetadataName<string> FailOpen { get; } = MetadataName.Create<string>(RateLimitHeaders.FailOpenHeader);

    /// <summary>On a lease refused for bad input rather than by the limit: <c>key</c> or <c>cost</c>.</summary>
    public static MetadataName<string> InvalidField { get; } = MetadataName.Create<string>("RateLimit-Invalid-Field");
}
