namespace RateLimiterOrleans.Grains;

/// <summary>The wire names of <see cref="RateLimitAlgorithm"/>: <c>sliding_window</c> and <c>token_bucket</c>.</summary>
public static class RateLimitAlgorithmNames
{
    public static readonly IReadOnlyList<string> All = ["sliding_window", "token_bucket"];

    public static string ToName(this RateLimitAlgorithm algorithm) => algorithm switch
    {
        RateLimitAlgorithm.SlidingWindow => "sliding_window",
        RateLimitAlgorithm.TokenBucket => "token_bucket",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown algorithm."),
    };

    public static bool TryParse(string? name, out RateLimitAlgorithm algorithm)
    {
        RateLimitAlgorithm? parsed = name switch
        {
            "sliding_window" => RateLimitAlgorithm.SlidingWindow,
            "token_bucket" => RateLimitAlgorithm.TokenBucket,
            _ => null,
        };
        algorithm = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }
}
