using RateLimiterOrleans.AspNetCore;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary><c>GET /api/request</c>: one rate-limited request for the caller's client key.</summary>
internal static class RequestEndpoint
{
    public static async Task<IResult> Handle(
        HttpContext context,
        RateLimitDecider decider,
        ClusterConfigCache config,
        BypassGate bypass,
        SecurityOptions security,
        InstanceName instance)
    {
        var (client, snapshot, refusal) = await ClientIdentity.ResolveServed(context, config, security);
        if (refusal is not null)
        {
            return refusal;
        }

        var (permits, costError) = RequestCost.Read(context.Request, snapshot.PolicyFor(client.Value).Limits.RateLimit);
        if (costError is not null)
        {
            return costError.ToResult();
        }

        if (bypass.Check(context.Request) == BypassOutcome.Granted)
        {
            return Results.Json(new RequestResponse("ok", instance.Value, client.Name, snapshot.Config.Mode.ToName(), 0, 0, 0, "bypass", "none", instance.Value, false, false, Bypassed: true, permits, "bypass", WouldHaveBeenRefused: false));
        }

        // A grain call ends at Orleans' response timeout; the request timeout is the backstop for the rest.
        var decision = await decider.DecideAsync(client.Value, permits, context.RequestAborted).WaitAsync(context.RequestAborted);
        return Answer(context, decision, client, permits, instance);
    }

    /// <summary>The headers, JSON body and status of a decision, as every client of the lab reads them.</summary>
    public static IResult Answer(HttpContext context, Decision decision, ClientId client, int permits, InstanceName instance)
    {
        RateLimitHeaders.Apply(context.Response, decision);
        var body = new RequestResponse(
            Status(decision),
            instance.Value,
            client.Name,
            decision.Mode.ToName(),
            decision.Limit,
            decision.Remaining,
            RateLimitHeaders.SecondsUntilRetry(decision),
            decision.Tier,
            decision.Algorithm.ToName(),
            decision.DecidedBy,
            decision.RaceDetected,
            decision.FailedOpen,
            Bypassed: false,
            permits,
            DecisionBasisNames.ToName(decision.Basis),
            decision.WouldHaveBeenRefused);
        return Results.Json(body, statusCode: StatusCode(decision));
    }

    private static string Status(Decision decision) => decision.Basis switch
    {
        _ when decision.Allowed => "ok",
        DecisionBasis.FailedClosed => "unavailable",
        DecisionBasis.Overloaded => "overloaded",
        DecisionBasis.Fenced => "moved",
        _ => "rate_limited",
    };

    private static int StatusCode(Decision decision) =>
        decision.Allowed ? StatusCodes.Status200OK
        : decision.Basis is DecisionBasis.FailedClosed or DecisionBasis.Overloaded or DecisionBasis.Fenced ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status429TooManyRequests;
}
