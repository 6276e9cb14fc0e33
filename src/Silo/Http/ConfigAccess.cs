using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>How endpoints read this silo's copy of the cluster configuration before it may have arrived.</summary>
internal static class ConfigAccess
{
    /// <summary>The answer to an admin read while this silo has no configuration yet: 503, never a 500.</summary>
    public static readonly ApiError NotLoaded = new("config_not_loaded", "config", "this instance has not received the cluster configuration yet; retry shortly");

    /// <summary>
    /// The configuration in force, waiting for a silo's first copy no longer than the request may last:
    /// the request timeout then answers 503.
    /// </summary>
    public static ValueTask<ConfigSnapshot> ForRequest(this ClusterConfigCache config, HttpContext context) =>
        config.IsReady ? ValueTask.FromResult(config.Current) : new(config.WhenReady().AsTask().WaitAsync(context.RequestAborted));

    public static IResult NotLoadedResult(HttpResponse response)
    {
        response.Headers.RetryAfter = "1";
        return NotLoaded.ToResult(StatusCodes.Status503ServiceUnavailable);
    }
}
