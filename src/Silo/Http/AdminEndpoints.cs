using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The seed's admin API. Any instance can be asked; changes apply to the whole cluster.</summary>
internal static class AdminEndpoints
{
    public static IResult GetConfig(ClusterConfigCache config, InstanceName instance) =>
        Results.Json(ConfigResponse.From(config.Current.Config, instance.Value));

    public static async Task<IResult> PostConfig(HttpRequest request, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        var (body, bodyError) = await RequestBody.ReadJson(request, StrictJsonObject.MaxBodyBytes);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (patch, patchError) = AdminRequestReader.Config(body);
        if (patchError is not null)
        {
            return patchError.ToResult();
        }

        var change = await ConfigGrain(grains).Update(patch!);
        return Answer(change, config, c => ConfigResponse.From(c, instance.Value));
    }

    public static async Task<IResult> Reset(string? client, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        if (client is null)
        {
            var all = await ConfigGrain(grains).ResetAll();
            config.Offer(all);
            return Results.Json(new ResetResponse("reset", instance.Value, "all", null, all.Version));
        }

        if (ClientKey.Validate(client) is { } problem)
        {
            return new ApiError("invalid_client", "client", problem).ToResult();
        }

        var one = await ConfigGrain(grains).ResetClient(client);
        config.Offer(one);
        return Results.Json(new ResetResponse("reset", instance.Value, "client", client, one.Version));
    }

    public static IResult GetStats(ClusterConfigCache config, LocalClientWindows localWindows, SiloDecisionStats stats, InstanceName instance)
    {
        var snapshot = config.Current;
        var localClients = localWindows.Counts(snapshot).Where(c => c.Value > 0).ToDictionary();
        return Results.Json(new StatsResponse(instance.Value, snapshot.Config.Mode.ToName(), localClients, stats.DecisionsByMode(), stats.RacesDetected));
    }

    /// <summary>
    /// The heap, optionally after a full collection, for <c>./lab bench</c>'s memory-per-client figures:
    /// without one, the heap includes garbage and says little about what clients cost.
    /// </summary>
    public static IResult GetMemory(bool? collect, LimiterActivations activations, InstanceName instance)
    {
        if (collect == true)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return Results.Json(new MemoryResponse(
            instance.Value,
            GC.GetTotalMemory(forceFullCollection: false),
            Environment.WorkingSet,
            activations.Client,
            activations.Local,
            collect == true));
    }

    public static IResult GetTiers(ClusterConfigCache config, InstanceName instance) =>
        Results.Json(TiersResponse.From(config.Current.Config, instance.Value));

    public static async Task<IResult> PutTier(string name, HttpRequest request, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        var (body, bodyError) = await RequestBody.ReadJson(request, StrictJsonObject.MaxBodyBytes);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (patch, patchError) = AdminRequestReader.Tier(body);
        if (patchError is not null)
        {
            return patchError.ToResult();
        }

        var change = await ConfigGrain(grains).PutTier(name, patch!);
        return Answer(change, config, c => TiersResponse.From(c, instance.Value));
    }

    public static async Task<IResult> DeleteTier(string name, IGrainFactory grains, ClusterConfigCache config, InstanceName instance) =>
        Answer(await ConfigGrain(grains).DeleteTier(name), config, c => TiersResponse.From(c, instance.Value));

    public static async Task<IResult> PutAssignment(HttpRequest request, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        var (body, bodyError) = await RequestBody.ReadJson(request, StrictJsonObject.MaxBodyBytes);
        if (bodyError is not null)
        {
            return bodyError.ToResult();
        }

        var (apiKey, tier, error) = AdminRequestReader.Assignment(body);
        if (error is not null)
        {
            return error.ToResult();
        }

        var change = await ConfigGrain(grains).Assign(apiKey!, tier!);
        return Answer(change, config, c => TiersResponse.From(c, instance.Value));
    }

    public static async Task<IResult> DeleteAssignment([Microsoft.AspNetCore.Mvc.FromQuery(Name = "api_key")] string? apiKey, IGrainFactory grains, ClusterConfigCache config, InstanceName instance)
    {
        if (apiKey is null)
        {
            return new ApiError("missing_field", "api_key", "is required as a query parameter").ToResult();
        }

        return Answer(await ConfigGrain(grains).Unassign(apiKey), config, c => TiersResponse.From(c, instance.Value));
    }

    private static IConfigGrain ConfigGrain(IGrainFactory grains) => grains.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey);

    // This silo takes the answer at once, so the caller's next request reads its own write here too.
    private static IResult Answer<T>(ConfigChange change, ClusterConfigCache config, Func<ClusterConfig, T> body)
    {
        if (change.Error is { } refused)
        {
            int status = refused.Kind switch
            {
                ConfigErrorKind.NotFound => StatusCodes.Status404NotFound,
                ConfigErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return new ApiError(refused.Kind == ConfigErrorKind.Invalid ? "invalid_config" : refused.Kind.ToString().ToLowerInvariant(), refused.Field, refused.Message).ToResult(status);
        }

        config.Offer(change.Config);
        return Results.Json(body(change.Config));
    }
}
