using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Experiments;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>The request bodies of the lab's experiments and chaos actions, read strictly and checked against their bounds.</summary>
internal static class ExperimentRequestReader
{
    public const string DefaultComparePrefix = "compare";
    public const int MaxPauseSeconds = 30;

    // What a comparison appends to its prefix at most: "-redis_atomic-" and eight random characters.
    private const int CompareSuffixLength = 22;

    private static readonly Dictionary<string, JsonFieldKind> BurstFields = new()
    {
        ["client"] = JsonFieldKind.String,
        ["requests"] = JsonFieldKind.Integer,
        ["concurrency"] = JsonFieldKind.Integer,
    };

    private static readonly Dictionary<string, JsonFieldKind> KillFields = new() { ["silo"] = JsonFieldKind.String };

    private static readonly Dictionary<string, JsonFieldKind> PauseFields = new() { ["seconds"] = JsonFieldKind.Integer };

    public static (BurstRequest? Burst, ApiError? Error) Burst(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, BurstFields);
        if (values is null)
        {
            return (null, error);
        }

        string? client = AdminRequestReader.Text(values, "client");
        var problem = client is null ? Missing("client")
            : ClientKey.Validate(client) is { } reason ? new ApiError("invalid_client", "client", reason)
            : Load(values, BurstLimits.MaxRequests);
        return problem is null
            ? (new BurstRequest(client!, AdminRequestReader.Number(values, "requests")!.Value, AdminRequestReader.Number(values, "concurrency")!.Value), null)
            : (null, problem);
    }

    public static (CompareRequest? Compare, ApiError? Error) Compare(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, BurstFields);
        if (values is null)
        {
            return (null, error);
        }

        string prefix = AdminRequestReader.Text(values, "client") ?? DefaultComparePrefix;
        var problem = ClientKey.Validate(prefix) is { } reason ? new ApiError("invalid_client", "client", reason)
            : prefix.Length > ClientKey.MaxLength - CompareSuffixLength ? new ApiError("invalid_client", "client", $"must be at most {ClientKey.MaxLength - CompareSuffixLength} characters here: each mode's key adds its name and a random suffix")
            : Load(values, BurstLimits.MaxCompareRequests);
        return problem is null
            ? (new CompareRequest(prefix, AdminRequestReader.Number(values, "requests")!.Value, AdminRequestReader.Number(values, "concurrency")!.Value), null)
            : (null, problem);
    }

    public static (string? Silo, ApiError? Error) Kill(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, KillFields);
        if (values is null)
        {
            return (null, error);
        }

        string? silo = AdminRequestReader.Text(values, "silo");
        return silo is null ? (null, Missing("silo")) : (silo, null);
    }

    public static (TimeSpan? Pause, ApiError? Error) RedisPause(ReadOnlyMemory<byte> body)
    {
        var (values, error) = StrictJsonObject.Read(body, PauseFields);
        if (values is null)
        {
            return (null, error);
        }

        return InRange(values, "seconds", 1, MaxPauseSeconds) is { } problem
            ? (null, problem)
            : (TimeSpan.FromSeconds(AdminRequestReader.Number(values, "seconds")!.Value), null);
    }

    private static ApiError? Load(IReadOnlyDictionary<string, object> values, int maxRequests) =>
        InRange(values, "requests", 1, maxRequests) ?? InRange(values, "concurrency", 1, BurstLimits.MaxConcurrency);

    private static ApiError? InRange(IReadOnlyDictionary<string, object> values, string field, int min, int max) =>
        AdminRequestReader.Number(values, field) switch
        {
            null => Missing(field),
            int value when value < min || value > max => new ApiError("invalid_field", field, $"must be between {min} and {max}, got {value}"),
            _ => null,
        };

    private static ApiError Missing(string field) => new("missing_field", field, "is required");
}
