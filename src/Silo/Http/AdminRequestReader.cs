using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The request bodies of the admin API, read strictly into the grains' change records.</summary>
internal static class AdminRequestReader
{
    private static readonly Dictionary<string, JsonFieldKind> ConfigFields = new()
    {
        ["mode"] = JsonFieldKind.String,
        ["use_redis"] = JsonFieldKind.Boolean,
        ["use_lua_script"] = JsonFieldKind.Boolean,
        ["rate_limit"] = JsonFieldKind.Integer,
        ["window_size_seconds"] = JsonFieldKind.Integer,
        ["algorithm"] = JsonFieldKind.String,
        ["fail_open"] = JsonFieldKind.Boolean,
        ["fail_mode"] = JsonFieldKind.String,
        ["shadow"] = JsonFieldKind.Boolean,
    };

    private static readonly Dictionary<string, JsonFieldKind> TierFields = new()
    {
        ["rate_limit"] = JsonFieldKind.Integer,
        ["window_size_seconds"] = JsonFieldKind.Integer,
        ["algorithm"] = JsonFieldKind.String,
        ["shadow"] = JsonFieldKind.Boolean,
    };

    private static readonly Dictionary<string, JsonFieldKind> AssignmentFields = new()
    {
        ["api_key"] = JsonFieldKind.String,
        ["tier"] = JsonFieldKind.String,
    };

    public static (ConfigPatch? Patch, ApiError? Error) Config(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, ConfigFields);
        return values is null
            ? (null, error)
            : (new ConfigPatch(
                Text(values, "mode"),
                Flag(values, "use_redis"),
                Flag(values, "use_lua_script"),
                Number(values, "rate_limit"),
                Number(values, "window_size_seconds"),
                Text(values, "algorithm"),
                Flag(values, "fail_open"),
                Text(values, "fail_mode"),
                Flag(values, "shadow")), null);
    }

    public static (TierPatch? Patch, ApiError? Error) Tier(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, TierFields);
        return values is null
            ? (null, error)
            : (new TierPatch(Number(values, "rate_limit"), Number(values, "window_size_seconds"), Text(values, "algorithm"), Flag(values, "shadow")), null);
    }

    public static (string? ApiKey, string? Tier, ApiError? Error) Assignment(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, AssignmentFields);
        if (values is null)
        {
            return (null, null, error);
        }

        string? apiKey = Text(values, "api_key");
        string? tier = Text(values, "tier");
        return apiKey is null ? (null, null, new ApiError("missing_field", "api_key", "is required"))
            : tier is null ? (null, null, new ApiError("missing_field", "tier", "is required"))
            : (apiKey, tier, null);
    }

    public static string? Text(IReadOnlyDictionary<string, object> values, string name) => values.GetValueOrDefault(name) as string;

    public static bool? Flag(IReadOnlyDictionary<string, object> values, string name) => values.TryGetValue(name, out var value) ? (bool)value : null;

    public static int? Number(IReadOnlyDictionary<string, object> values, string name) => values.TryGetValue(name, out var value) ? (int)value : null;
}
