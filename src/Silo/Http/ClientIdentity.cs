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
    /// With <see cref="SecurityOptions.RequireRegisteredKeys"/>, an API key that no tier lists is refused, so
    /// inventing keys cannot mint quota. Addresses are always served: a caller cannot choose its own.
    /// </summary>
    public static ApiError? Unregistered(ClientId client, ClusterConfig config, SecurityOptions security) =>
        security.RequireRegisteredKeys && client.Kind == ClientKind.ApiKey && !config.IsRegistered(client.Name)
            ? new ApiError("unregistered_api_key", ApiKeyHeader, "is not registered: ask for a key, or an administrator to assign this one to a tier")
            : null;
}
