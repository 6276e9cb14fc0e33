using Microsoft.Extensions.Options;
using RateLimiterOrleans.Silo.Agents;
using RateLimiterOrleans.Silo.Experiments;
using RateLimiterOrleans.Silo.Hosting;
using StackExchange.Redis;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Breaking things, for the lab only: killing a silo and pausing Redis. They exist only where
/// <c>RateLimiter:Lab:Chaos</c> is on; elsewhere they answer 404.
/// </summary>
internal static class ChaosEndpoints
{
    public static async Task<IResult> Kill(HttpRequest request, IOptions<LabOptions> lab, SiloDirectory silos, IGrainFactory grains, InstanceName instance)
    {
        if (!lab.Value.Chaos)
        {
            return Disabled(instance.Value);
        }

        var (name, error) = await RequestBody.ReadJson(request, ExperimentRequestReader.Kill);
        if (error is not null)
        {
            return error.ToResult();
        }

        var members = silos.Latest();
        if (members.FirstOrDefault(m => m.Name == name) is not { } member)
        {
            return new ApiError("unknown_silo", "silo", $"no silo is named '{name}'; the cluster has {string.Join(", ", members.Select(m => m.Name))}").ToResult(StatusCodes.Status404NotFound);
        }

        if (member.Status != SiloStatus.Active)
        {
            return new ApiError("silo_not_running", "silo", $"'{name}' is {member.Status.ToString().ToLowerInvariant()}; ./lab up starts it again").ToResult(StatusCodes.Status409Conflict);
        }

        return await grains.GetGrain<ISiloAgentGrain>(name!).Kill()
            ? Results.Json(new ChaosResponse("killing", instance.Value, name!, null), statusCode: StatusCodes.Status202Accepted)
            : Disabled(name!);
    }

    public static async Task<IResult> PauseRedis(HttpRequest request, IOptions<LabOptions> lab, LabRedis redis, InstanceName instance)
    {
        if (!lab.Value.Chaos)
        {
            return Disabled(instance.Value);
        }

        var (pause, error) = await RequestBody.ReadJson(request, ExperimentRequestReader.RedisPause);
        if (error is not null)
        {
            return error.ToResult();
        }

        try
        {
            await redis.PauseAsync(pause!.Value);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new ApiError("redis_unavailable", "backend", e.Message).ToResult(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Json(new ChaosResponse("paused", instance.Value, "redis", (int)pause.Value.TotalSeconds));
    }

    private static IResult Disabled(string silo) =>
        new ApiError("chaos_disabled", "RateLimiter:Lab:Chaos", $"breaking things is off on {silo}; ./lab up turns it on").ToResult(StatusCodes.Status404NotFound);
}
