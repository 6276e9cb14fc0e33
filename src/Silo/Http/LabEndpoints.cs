using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Experiments;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>What the lab page reads: the whole cluster, and where a client's grain lives.</summary>
internal static class LabEndpoints
{
    public static async Task<IResult> GetCluster(ClusterView cluster) => Results.Json(await cluster.ReadAsync());

    public static async Task<IResult> Where(string? client, GrainWhereabouts whereabouts)
    {
        if (client is null)
        {
            return new ApiError("missing_field", "client", "is required as a query parameter").ToResult();
        }

        return ClientKey.Validate(client) is { } problem
            ? new ApiError("invalid_client", "client", problem).ToResult()
            : Results.Json(await whereabouts.FindAsync(client));
    }
}
