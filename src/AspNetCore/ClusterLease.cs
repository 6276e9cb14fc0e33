using System.Threading.RateLimiting;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// A lease that carries the cluster's decision, or says why there is none. Nothing is held: the cluster counted the
/// permits when it decided, so disposing the lease gives nothing back, as with any window or bucket.
/// </summary>
public sealed class ClusterLease : RateLimitLease
{
    public const string ClusterUnavailableReason = "cluster_unavailable";

    // A refusal that counted nothing: asking again in a second is cheap and may find the cluster back.
    private static readonly TimeSpan RetryUncounted = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, object?> _metadata;

    private ClusterLease(bool acquired, Decision? decision, Dictionary<string, object?> metadata)
    {
        IsAcquired = acquired;
        Decision = decision;
        _metadata = metadata;
    }

    /// <summary>Granted without asking: the request has no key.</summary>
    public static ClusterLease NotLimited { get; } = new(true, null, []);

    /// <summary>
    /// What a synchronous attempt gets: the cluster is never waited on synchronously, so the caller (the
    /// middleware among them) goes on to <c>AcquireAsync</c>.
    /// </summary>
    public static ClusterLease NotAttempted { get; } = new(false, null, []);

    public override bool IsAcquired { get; }

    /// <summary>The cluster's decision; null when the cluster was not asked or did not answer.</summary>
    public Decision? Decision { get; }

    /// <summary>Granted only because the key's tier is in shadow mode: enforcing the limit would have refused it.</summary>
    public bool WouldHaveBeenRefused => Decision?.WouldHaveBeenRefused == true;

    /// <summary>The cluster did not answer in time, so <see cref="ClusterUnavailablePolicy"/> decided.</summary>
    public bool ClusterUnavailable => _metadata.TryGetValue(MetadataName.ReasonPhrase.Name, out var reason) && reason is ClusterUnavailableReason
        || _metadata.TryGetValue(ClusterLeaseMetadata.FailOpen.Name, out var failOpen) && failOpen is ClusterUnavailableReason;

    public override IEnumerable<string> MetadataNames => _metadata.Keys;

    public override bool TryGetMetadata(string metadataName, out object? metadata) => _metadata.TryGetValue(metadataName, out metadata);

    public static ClusterLease From(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var metadata = new Dictionary<string, object?>();
        if (decision.Basis == DecisionBasis.FailedOpen)
        {
            metadata[ClusterLeaseMetadata.FailOpen.Name] = "redis_unavailable";
        }
        else
        {
            metadata[ClusterLeaseMetadata.Limit.Name] = decision.Limit;
            metadata[ClusterLeaseMetadata.Remaining.Name] = decision.Remaining;
            metadata[ClusterLeaseMetadata.Tier.Name] = decision.Tier;
        }

        if (decision.WouldHaveBeenRefused)
        {
            metadata[ClusterLeaseMetadata.Shadow.Name] = RateLimitHeaders.ShadowWouldRefuse;
        }

        if (!decision.Allowed)
        {
            metadata[MetadataName.RetryAfter.Name] = TimeSpan.FromSeconds(RateLimitHeaders.SecondsUntilRetry(decision));
            metadata[MetadataName.ReasonPhrase.Name] = decision.Basis == DecisionBasis.Count ? "the rate limit refused this request" : decision.Basis.ToName();
        }

        return new(decision.Allowed, decision, metadata);
    }

    public static ClusterLease Unavailable(ClusterUnavailablePolicy policy) => policy == ClusterUnavailablePolicy.Admit
        ? new(true, null, new() { [ClusterLeaseMetadata.FailOpen.Name] = ClusterUnavailableReason })
        : new(false, null, new() { [MetadataName.RetryAfter.Name] = RetryUncounted, [MetadataName.ReasonPhrase.Name] = ClusterUnavailableReason });

    /// <summary>Refused before asking the cluster: the request's key or cost is not one the cluster accepts.</summary>
    public static ClusterLease Invalid(string field, string problem) =>
        new(false, null, new() { [ClusterLeaseMetadata.InvalidField.Name] = field, [MetadataName.ReasonPhrase.Name] = problem });
}
