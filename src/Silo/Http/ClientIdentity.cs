using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Who a request counts against: its <c>X-API-Key</c>, or without one, the caller's address (as
/// nginx reported it in <c>X-Real-IP</c>, believed only from a trusted proxy).
/// </summary>
internal static class ClientIdentity
{
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>The client key, or the error for a key that is present but unusable.</summary>
    public static (string? Client, ApiError? Error) Resolve(HttpContext context)
    {
        if (context.Request.Headers.TryGetValue(ApiKeyHeader, out var values))
        {
            if (values.Count != 1)
            {
                return (null, new ApiError("invalid_api_key", ApiKeyHeader, "must be sent once"));
            }

            string key = values[0] ?? "";
            return ClientKey.Validate(key) is { } problem
                ? (null, new ApiError("invalid_api_key", ApiKeyHeader, problem))
                : (key, null);
        }

        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return (address, null);
    }
}
