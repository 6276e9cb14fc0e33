using System.Text.Json;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Reads a <c>POST /admin/config</c> body into a <see cref="ConfigPatch"/>, strictly: a JSON object of
/// known fields with the right types, each at most once. Anything else is an error naming the field.
/// </summary>
internal static class ConfigPatchReader
{
    public const int MaxBodyBytes = 4096;

    private static readonly string[] Fields = ["mode", "use_redis", "use_lua_script", "rate_limit", "window_size_seconds"];

    public static (ConfigPatch? Patch, ApiError? Error) Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            return (null, new ApiError("malformed_json", "body", e.Message));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new ApiError("malformed_json", "body", "must be a JSON object"));
            }

            var patch = new ConfigPatch();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    return (null, new ApiError("invalid_field", property.Name, "is given more than once"));
                }

                var (next, error) = Apply(patch, property);
                if (error is not null)
                {
                    return (null, error);
                }

                patch = next!;
            }

            return (patch, null);
        }
    }

    private static (ConfigPatch? Patch, ApiError? Error) Apply(ConfigPatch patch, JsonProperty property)
    {
        var value = property.Value;
        return property.Name switch
        {
            "mode" when value.ValueKind == JsonValueKind.String => (patch with { Mode = value.GetString() }, null),
            "use_redis" when IsBoolean(value) => (patch with { UseRedis = value.GetBoolean() }, null),
            "use_lua_script" when IsBoolean(value) => (patch with { UseLuaScript = value.GetBoolean() }, null),
            "rate_limit" when TryGetInt(value, out int limit) => (patch with { RateLimit = limit }, null),
            "window_size_seconds" when TryGetInt(value, out int window) => (patch with { WindowSizeSeconds = window }, null),
            "mode" => WrongType(property, "a string"),
            "use_redis" or "use_lua_script" => WrongType(property, "true or false"),
            "rate_limit" or "window_size_seconds" => WrongType(property, "a whole number"),
            _ => (null, new ApiError("unknown_field", property.Name, $"is not a configuration field; expected one of {string.Join(", ", Fields)}")),
        };
    }

    private static bool IsBoolean(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool TryGetInt(JsonElement value, out int result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out result);
    }

    private static (ConfigPatch?, ApiError?) WrongType(JsonProperty property, string expected) =>
        (null, new ApiError("invalid_type", property.Name, $"must be {expected}, got {Describe(property.Value)}"));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Truncate(value.GetRawText())}",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
