using Microsoft.AspNetCore.Diagnostics;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// What a request gets when Redis or another silo fails under it: a 503 with a JSON body and a
/// <c>Retry-After</c>, never an HTML page or a hang.
/// </summary>
internal sealed partial class BackendFailureHandler(ILogger<BackendFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code) = exception switch
        {
            RedisStoreException => (StatusCodes.Status503ServiceUnavailable, "redis_unavailable"),
            TimeoutException or OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "timeout"),
            Orleans.Runtime.OrleansException or Orleans.Runtime.SiloUnavailableException => (StatusCodes.Status503ServiceUnavailable, "cluster_unavailable"),
            _ => (StatusCodes.Status500InternalServerError, "internal_error"),
        };
        LogFailure(context.Request.Path, code, exception);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        await context.Response.WriteAsJsonAsync(new ApiError(code, "backend", exception.Message), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} failed: {Code}")]
    private partial void LogFailure(PathString path, string code, Exception exception);
}
