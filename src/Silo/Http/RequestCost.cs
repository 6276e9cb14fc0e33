using System.Globalization;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// What a request costs in permits: the <c>X-RateLimit-Cost</c> header, as Envoy's <c>hits_addend</c>, or one
/// without it. A cost is a whole number from 1 to the client's limit.
/// </summary>
internal static class RequestCost
{
    public const string Header = "X-RateLimit-Cost";

    public static (int Permits, ApiError? Error) Read(HttpRequest request, int limit)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return (1, null);
        }

        if (values.Count != 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out int permits))
        {
            return (0, new ApiError("invalid_cost", Header, "must be sent once, as a whole number"));
        }

        return Permits.Validate(permits, limit) is { } problem ? (0, new ApiError("invalid_cost", Header, problem)) : (permits, null);
    }
}
