namespace RateLimiterOrleans.Grains;

/// <summary>The wire names of <see cref="FailMode"/>: <c>open</c>, <c>closed</c> and <c>local</c>.</summary>
public static class FailModeNames
{
    public static readonly IReadOnlyList<string> All = ["open", "closed", "local"];

    public static string ToName(this FailMode mode) => mode switch
    {
        FailMode.Open => "open",
        FailMode.Closed => "closed",
        FailMode.Local => "local",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown failure policy."),
    };

    public static bool TryParse(string? name, out FailMode mode)
    {
        FailMode? parsed = name switch
        {
            "open" => FailMode.Open,
            "closed" => FailMode.Closed,
            "local" => FailMode.Local,
            _ => null,
        };
        mode = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }
}
