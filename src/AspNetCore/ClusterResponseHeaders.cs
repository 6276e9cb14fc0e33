using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>The headers a lease puts on the response: the decision's, or, without one, what decided instead.</summary>
internal static class ClusterResponseHeaders
{
    public static void Apply(HttpResponse response, ClusterLease lease)
    {
        if (lease.Decision is { } decision)
        {
            RateLimitHeaders.Apply(response, decision);
            return;
        }

        if (lease.TryGetMetadata(ClusterLeaseMetadata.FailOpen, out string? failOpen))
        {
            response.Headers[RateLimitHeaders.FailOpenHeader] = failOpen;
        }

        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
