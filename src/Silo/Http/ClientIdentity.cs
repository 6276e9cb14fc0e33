using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Who a request counts against: its <c>X-API-Key</c>, or without one, the caller's address (as
/// nginx reported it in <c>X-Real-IP</c>, believed only from a trusted proxy). The two are kept apart
/// (<see cref="ClientId"/>), so no key can spend an address's quota.
/// </summary>
internal static class ClientIdentity
{
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>The client, or the error for a key that is present but unusable.</summary>
    public static (ClientId Client, ApiError? Error) Resolve(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(ApiKeyHeader, out var values))
        {
            if (values.Count != 1)
            {
                return (default, new ApiError("invalid_api_key", ApiKeyHeader, "must be sent once"));
            }

            string key = values[0] ?? "";
            return ClientKey.Validate(key) is { } problem
                ? (default, new ApiError("invalid_api_key", ApiKeyHeader, problem))
                : (ClientId.ForApiKey(key), null);
        }

        return (ClientId.ForAddress(context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), null);
    }

    /// <summary>
    /// The client of a request that will reach a grain, and the configuration it is served under; or the answer that
    /// refuses it: a key that is present but unusable (400), or unregistered where keys must be registered (401).
    /// </summary>
    public static async Task<(ClientId Client, ConfigSnapshot Snapshot, IResult? Refusal)> ResolveServed(HttpContext context, ClusterConfigCache config, SecurityOptions security)
    {
        var (client, error) = Resolve(context);
        if (error is not null)
        {
            return (client, null!, error.ToResult());
        }

        var snapshot = await config.ForRequest(context);
        return Unregistered(client, snapshot.Config, security) is { } unregistered
            ? (client, snapshot, unregistered.ToResult(StatusCodes.Status401Unauthorized))
            : (client, snapshot, null);
    }

    /// <summary>
    /// With <see cref="SecurityOptions.RequireRegisteredKeys"/>, an API key that no tier lists is refused, so
    /// inventing keys cannot mint quota. Addresses are always served: a caller cannot choose its own.
    /// </summary>
    public static ApiError? Unregistered(ClientId client, ClusterConfig config, SecurityOptions security) =>
        security.RequireRegisteredKeys && client.Kind == ClientKind.ApiKey && !config.IsRegistered(client.Name)
            ? new ApiError("unregistered_api_key", ApiKeyHeader, "is not registered: ask for a key, or an administrator to assign this one to a tier")
            : null;
}
