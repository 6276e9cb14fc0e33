using System.Text;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Guards <c>/admin/*</c> and the dashboard when <c>RATELIMITER_ADMIN_TOKEN</c> is set: a call without the token
/// gets a 401 with a JSON body. Scripts send it in <c>X-Admin-Token</c> or <c>Authorization: Bearer</c>; for the
/// dashboard, a browser asks for it once (HTTP Basic, any user name, the token as password) and then sends it with
/// every call the dashboard makes. The admin API itself offers no Basic challenge: a browser would answer a page's
/// own <c>fetch</c> with its login dialog, and the lab page asks for the token itself.
/// </summary>
internal sealed class AdminTokenFilter(SecurityOptions security) : IEndpointFilter
{
    private const string BasicChallenge = "Basic realm=\"RateLimiterOrleans admin\", charset=\"UTF-8\"";

    private readonly SecretComparer? _token = security.AdminToken is { } token ? new SecretComparer(token) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_token is null || _token.Matches(Presented(context.HttpContext.Request)))
        {
            return await next(context);
        }

        bool dashboard = context.HttpContext.Request.Path.StartsWithSegments("/dashboard");
        context.HttpContext.Response.Headers.WWWAuthenticate = dashboard ? new Microsoft.Extensions.Primitives.StringValues([BasicChallenge, "Bearer"]) : "Bearer";
        return new ApiError("unauthorized", SecurityOptions.AdminHeader, "an admin token is required: send it in X-Admin-Token, as Authorization: Bearer, or as the password of HTTP Basic")
            .ToResult(StatusCodes.Status401Unauthorized);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(SecurityOptions.AdminHeader, out var header) && header.Count == 1)
        {
            return header[0];
        }

        string? authorization = request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0] : null;
        if (authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true)
        {
            return authorization["Bearer ".Length..];
        }

        return authorization?.StartsWith("Basic ", StringComparison.Ordinal) == true ? BasicPassword(authorization["Basic ".Length..]) : null;
    }

    private static string? BasicPassword(string credentials)
    {
        var bytes = new byte[credentials.Length];
        if (!Convert.TryFromBase64String(credentials.Trim(), bytes, out int length))
        {
            return null;
        }

        string pair = Encoding.UTF8.GetString(bytes, 0, length);
        int colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : pair[(colon + 1)..];
    }
}
