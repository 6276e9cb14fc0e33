using System.Text.Json;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Reads a request body as a JSON object of known fields, strictly: each field of the right type, at most
/// once, nothing else. Any departure is an <see cref="ApiError"/> naming the field, never an exception.
/// </summary>
internal static class StrictJsonObject
{
    public const int MaxBodyBytes = 4096;

    /// <summary>The fields present, as <see cref="string"/>, <see cref="bool"/> or <see cref="int"/>.</summary>
    public static (IReadOnlyDictionary<string, object>? Values, ApiError? Error) Read(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, JsonFieldKind> fields)
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

            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!fields.TryGetValue(property.Name, out var kind))
                {
                    return (null, new ApiError("unknown_field", property.Name, $"is not a field here; expected one of {string.Join(", ", fields.Keys)}"));
                }

                if (values.ContainsKey(property.Name))
                {
                    return (null, new ApiError("invalid_field", property.Name, "is given more than once"));
                }

                if (Convert(property.Value, kind) is not { } value)
                {
                    return (null, new ApiError("invalid_type", property.Name, $"must be {Expected(kind)}, got {Describe(property.Value)}"));
                }

                values[property.Name] = value;
            }

            return (values, null);
        }
    }

    private static object? Convert(JsonElement value, JsonFieldKind kind) => kind switch
    {
        JsonFieldKind.String when value.ValueKind == JsonValueKind.String => value.GetString(),
        JsonFieldKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
        JsonFieldKind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) => number,
        _ => null,
    };

    private static string Expected(JsonFieldKind kind) => kind switch
    {
        JsonFieldKind.String => "a string",
        JsonFieldKind.Boolean => "true or false",
        _ => "a whole number",
    };

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
