namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Guards <c>/admin/*</c> when <c>RATELIMITER_ADMIN_TOKEN</c> is set: a call without the token in
/// <c>X-Admin-Token</c> (or <c>Authorization: Bearer</c>) gets a 401 with a JSON body.
/// </summary>
internal sealed class AdminTokenFilter(SecurityOptions security) : IEndpointFilter
{
    private readonly SecretComparer? _token = security.AdminToken is { } token ? new SecretComparer(token) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_token is null || _token.Matches(Presented(context.HttpContext.Request)))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return new ApiError("unauthorized", SecurityOptions.AdminHeader, "an admin token is required: send it in X-Admin-Token or Authorization: Bearer")
            .ToResult(StatusCodes.Status401Unauthorized);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue(SecurityOptions.AdminHeader, out var header) && header.Count == 1)
        {
            return header[0];
        }

        string? authorization = request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0] : null;
        return authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : null;
    }
}
