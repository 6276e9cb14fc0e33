using System.Text.Json.Serialization;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>The JSON body of a refused request: a code, the field at fault, a sentence, and when to retry.</summary>
public sealed record ClusterRejectionBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("retry_after"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RetryAfter = null);
