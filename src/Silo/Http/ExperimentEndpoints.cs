using RateLimiterOrleans.Silo.Experiments;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The lab's experiments as admin endpoints: what the page's buttons do, for scripts too.</summary>
internal static class ExperimentEndpoints
{
    public static async Task<IResult> Burst(HttpRequest request, BurstRunner bursts)
    {
        var (burst, error) = await RequestBody.ReadJson(request, ExperimentRequestReader.Burst);
        return error is not null
            ? error.ToResult()
            : Results.Json(await bursts.RunAsync(burst!, request.HttpContext.RequestAborted));
    }

    public static async Task<IResult> Compare(HttpRequest request, ModeComparison comparison)
    {
        var (compare, error) = await RequestBody.ReadJson(request, ExperimentRequestReader.Compare);
        return error is not null
            ? error.ToResult()
            : Results.Json(await comparison.RunAsync(compare!, request.HttpContext.RequestAborted));
    }
}
