namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Answers a request whose method HTTP does not define with a 501 and a JSON body, before anything counts
/// it: the HTTP metrics label requests by method, and each invented method (<c>curl -X RANDOM1</c>) would
/// otherwise add a series that never goes away.
/// </summary>
internal static class UnknownMethodGuard
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete,
        HttpMethods.Options, HttpMethods.Patch, HttpMethods.Trace, HttpMethods.Connect,
    };

    private static readonly ApiError Unknown = new("unsupported_method", "method", $"must be one of {string.Join(", ", Known)}");

    public static IApplicationBuilder UseUnknownMethodGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Known.Contains(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await context.Response.WriteAsJsonAsync(Unknown);
        });
}
