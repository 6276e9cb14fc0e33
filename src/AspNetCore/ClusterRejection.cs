using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// The middleware's answer to a refused request, as <c>/api/request</c> gives it: the rejection status (429) when
/// the limit refused, 400 naming a bad key or cost, 503 when nobody could count (the cluster unavailable, or its
/// <c>fail_mode: closed</c>), each with a JSON body; <c>Retry-After</c> is already set from the decision.
/// </summary>
public static class ClusterRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var lease = context.Lease;
        lease.TryGetMetadata(MetadataName.ReasonPhrase, out string? reason);
        if (lease.TryGetMetadata(ClusterLeaseMetadata.InvalidField, out string? field))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            await response.WriteAsJsonAsync(new ClusterRejectionBody($"invalid_{field}", field!, reason ?? ""), cancellationToken);
            return;
        }

        bool uncounted = lease is ClusterLease { ClusterUnavailable: true } or ClusterLease { Decision.Basis: not DecisionBasis.Count and not DecisionBasis.LocalFallback };
        if (uncounted)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        long retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (long)Math.Ceiling(wait.TotalSeconds) : 1;
        string error = uncounted ? "unavailable" : "rate_limited";
        await response.WriteAsJsonAsync(new ClusterRejectionBody(error, "rate_limit", reason ?? error, retryAfter), cancellationToken);
    }
}
