using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary><c>GET /api/request</c>: one rate-limited request for the caller's client key.</summary>
internal static class RequestEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, RateLimitDecider decider, ClusterConfigCache config, InstanceName instance)
    {
        var (client, error) = ClientIdentity.Resolve(context);
        if (error is not null)
        {
            return error.ToResult();
        }

        var decision = await decider.DecideAsync(client!);
        RateLimitHeaders.Apply(context.Response, decision, config.Current.Config.WindowSizeSeconds);
        var body = new RequestResponse(
            decision.Allowed ? "ok" : "rate_limited",
            instance.Value,
            client!,
            decision.Mode.ToName(),
            decision.Limit,
            decision.Remaining,
            RateLimitHeaders.SecondsUntilRetry(decision),
            decision.DecidedBy,
            decision.RaceDetected);
        return Results.Json(body, statusCode: decision.Allowed ? StatusCodes.Status200OK : StatusCodes.Status429TooManyRequests);
    }
}
