using Microsoft.AspNetCore.Http.Timeouts;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The request timeout policies, answering a request that ran out of time with a 503 and a JSON body.</summary>
internal static class RequestTimeouts
{
    public static readonly ApiError TimedOut = new("timeout", "request", "this instance did not finish the request in time; retry shortly");

    public static void Apply(HttpTimeoutOptions timeouts, RequestTimeoutOptions policies)
    {
        policies.DefaultPolicy = Policy(timeouts.Default);
        policies.AddPolicy(HttpTimeoutOptions.LongRunningPolicy, Policy(timeouts.LongRunning));
    }

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = async context =>
        {
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsJsonAsync(TimedOut);
        },
    };
}
