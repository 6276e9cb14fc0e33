using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The seed's admin API. Any instance can be asked; changes apply to the whole cluster.</summary>
internal static class AdminEndpoints
{
    public static IResult GetConfig(ClusterConfigCache config, InstanceName instance) =>
        Results.Json(ConfigResponse.From(config.Current.Config, instance.Value));

    public static async Task<IResult> PostConfig(HttpRequest request, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        var (body, bodyError) = await RequestBody.ReadJson(request, ConfigPatchReader.MaxBodyBytes);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (patch, patchError) = ConfigPatchReader.Read(body);
        if (patchError is not null)
        {
            return patchError.ToResult();
        }

        var change = await grains.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey).Update(patch!);
        if (change.Error is { } refused)
        {
            return new ApiError("invalid_config", refused.Field, refused.Message).ToResult();
        }

        config.Offer(change.Config);
        return Results.Json(ConfigResponse.From(change.Config, instance.Value));
    }

    public static async Task<IResult> Reset(string? client, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        var configGrain = grains.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey);
        if (client is null)
        {
            var all = await configGrain.ResetAll();
            config.Offer(all);
            return Results.Json(new ResetResponse("reset", instance.Value, "all", null, all.Version));
        }

        if (ClientKey.Validate(client) is { } problem)
        {
            return new ApiError("invalid_client", "client", problem).ToResult();
        }

        var one = await configGrain.ResetClient(client);
        config.Offer(one);
        return Results.Json(new ResetResponse("reset", instance.Value, "client", client, one.Version));
    }

    public static IResult GetStats(ClusterConfigCache config, LocalClientWindows localWindows, SiloDecisionStats stats, InstanceName instance)
    {
        var snapshot = config.Current;
        var localClients = localWindows.Counts(snapshot).Where(c => c.Value > 0).ToDictionary();
        return Results.Json(new StatsResponse(instance.Value, snapshot.Config.Mode.ToName(), localClients, stats.DecisionsByMode(), stats.RacesDetected));
    }
}
