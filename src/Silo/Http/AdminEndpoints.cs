using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Peers;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The seed's admin API. Any instance can be asked; changes apply to the whole cluster.</summary>
internal static class AdminEndpoints
{
    public static IResult GetConfig(ClusterConfigCache config, HttpResponse response, InstanceName instance) =>
        config.IsReady ? Results.Json(ConfigResponse.From(config.Current.Config, instance.Value)) : ConfigAccess.NotLoadedResult(response);

    public static async Task<IResult> PostConfig(HttpRequest request, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, InstanceName instance)
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
        return await Answer(change, grains, config, response, c => ConfigResponse.From(c, instance.Value));
    }

    /// <summary>
    /// Forgets every client's count, or one API key's (<c>?client=</c>, as in the seed), or one address's
    /// (<c>?address=</c>, for callers without a key).
    /// </summary>
    public static async Task<IResult> Reset(string? client, string? address, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, InstanceName instance)
    {
        if (client is null && address is null)
        {
            var all = new ConfigChange(await ConfigGrain(grains).ResetAll(), null);
            return await Answer(all, grains, config, response, c => new ResetResponse("reset", instance.Value, "all", null, c.Version));
        }

        var (target, error) = ResetTarget(client, address);
        if (error is not null)
        {
            return error.ToResult();
        }

        var change = await ConfigGrain(grains).ResetClient(target.Value);
        string scope = target.Kind == ClientKind.ApiKey ? "client" : "address";
        return await Answer(change, grains, config, response, c => new ResetResponse("reset", instance.Value, scope, target.Name, c.Version));
    }

    public static IResult GetStats(ClusterConfigCache config, LocalClientWindows localWindows, SiloDecisionStats stats, HttpResponse response, InstanceName instance)
    {
        if (!config.IsReady)
        {
            return ConfigAccess.NotLoadedResult(response);
        }

        var snapshot = config.Current;
        var apiKeys = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var addresses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, count) in localWindows.Counts(snapshot).Where(c => c.Value > 0))
        {
            bool parsed = ClientId.TryParse(id, out var client);
            (parsed && client.Kind == ClientKind.Address ? addresses : apiKeys)[parsed ? client.Name : id] = count;
        }

        return Results.Json(new StatsResponse(instance.Value, snapshot.Config.Mode.ToName(), apiKeys, addresses, stats.DecisionsByMode(), stats.RacesDetected));
    }

    /// <summary>
    /// The heap, optionally after a full collection, for <c>./lab bench</c>'s memory-per-client figures:
    /// without one, the heap includes garbage and says little about what clients cost.
    /// </summary>
    public static IResult GetMemory(bool? collect, LimiterActivations activations, BareClientGrains bareGrains, LocalClientWindows localWindows, InstanceName instance)
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
            bareGrains.Active,
            localWindows.Count,
            collect == true));
    }

    public static IResult GetTiers(ClusterConfigCache config, HttpResponse response, InstanceName instance) =>
        config.IsReady ? Results.Json(TiersResponse.From(config.Current.Config, instance.Value)) : ConfigAccess.NotLoadedResult(response);

    public static async Task<IResult> PutTier(string name, HttpRequest request, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, InstanceName instance)
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
        return await Answer(change, grains, config, response, c => TiersResponse.From(c, instance.Value));
    }

    public static async Task<IResult> DeleteTier(string name, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, InstanceName instance) =>
        await Answer(await ConfigGrain(grains).DeleteTier(name), grains, config, response, c => TiersResponse.From(c, instance.Value));

    public static async Task<IResult> PutAssignment(HttpRequest request, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, InstanceName instance)
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
        return await Answer(change, grains, config, response, c => TiersResponse.From(c, instance.Value));
    }

    public static async Task<IResult> DeleteAssignment([Microsoft.AspNetCore.Mvc.FromQuery(Name = "api_key")] string? apiKey, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, InstanceName instance)
    {
        if (apiKey is null)
        {
            return new ApiError("missing_field", "api_key", "is required as a query parameter").ToResult();
        }

        return await Answer(await ConfigGrain(grains).Unassign(apiKey), grains, config, response, c => TiersResponse.From(c, instance.Value));
    }

    private static (ClientId Target, ApiError? Error) ResetTarget(string? client, string? address)
    {
        if (client is not null && address is not null)
        {
            return (default, new ApiError("invalid_client", "address", "give either client (an API key) or address, not both"));
        }

        if (client is not null)
        {
            return ClientKey.Validate(client) is { } problem
                ? (default, new ApiError("invalid_client", "client", problem))
                : (ClientId.ForApiKey(client), null);
        }

        return System.Net.IPAddress.TryParse(address, out var ip)
            ? (ClientId.ForAddress(ip.ToString()), null)
            : (default, new ApiError("invalid_client", "address", "must be an IPv4 or IPv6 address"));
    }

    private static IConfigGrain ConfigGrain(IGrainFactory grains) => grains.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey);

    // This silo takes the answer at once, so the caller's next request reads its own write here too; the header says
    // whether the other silos hold it yet.
    private static async Task<IResult> Answer<T>(ConfigChange change, IGrainFactory grains, ClusterConfigCache config, HttpResponse response, Func<ClusterConfig, T> body)
    {
        if (change.Error is { } refused)
        {
            var (status, code) = refused.Kind switch
            {
                ConfigErrorKind.NotFound => (StatusCodes.Status404NotFound, "not_found"),
                ConfigErrorKind.Conflict => (StatusCodes.Status409Conflict, "conflict"),
                ConfigErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "redis_unavailable"),
                _ => (StatusCodes.Status400BadRequest, "invalid_config"),
            };
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                response.Headers.RetryAfter = "1";
            }

            return new ApiError(code, refused.Field, refused.Message).ToResult(status);
        }

        config.Offer(change.Config);
        await ConfigPropagation.Mark(ConfigGrain(grains), change.Config.Version, response);
        return Results.Json(body(change.Config));
    }
}
