using Microsoft.AspNetCore.Diagnostics;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// What a request gets when Redis or another silo fails under it: a 503 with a JSON body and a
/// <c>Retry-After</c>, never an HTML page or a hang.
/// </summary>
internal sealed partial class BackendFailureHandler(ILogger<BackendFailureHandler> logger) : IExceptionHandler
{
    // Fixed sentences: an exception's own text can name internal endpoints, keys and grain ids.
    private static readonly ApiError RedisUnavailable = new("redis_unavailable", "backend", "Redis did not answer; retry shortly");
    private static readonly ApiError TimedOut = new("timeout", "backend", "the cluster did not answer in time; a change may or may not have been applied, so read it back before retrying");
    private static readonly ApiError ClusterUnavailable = new("cluster_unavailable", "backend", "a silo of the cluster is unavailable; retry shortly");
    private static readonly ApiError Internal = new("internal_error", "backend", "the request failed unexpectedly; the silo's log has the details");

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            RedisStoreException or Orleans.Persistence.Redis.RedisStorageException or StackExchange.Redis.RedisException => RedisUnavailable,
            TimeoutException or OperationCanceledException => TimedOut,
            Orleans.Runtime.OrleansException or Orleans.Runtime.SiloUnavailableException => ClusterUnavailable,
            _ => Internal,
        };
        LogFailure(context.Request.Path, error.Error, exception);
        context.Response.StatusCode = error == Internal ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
        if (error != Internal)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        await context.Response.WriteAsJsonAsync(error, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} failed: {Code}")]
    private partial void LogFailure(PathString path, string code, Exception exception);
}
