namespace RateLimiterOrleans.Grains;

/// <summary>What kind of refusal a <see cref="ConfigError"/> is, so HTTP can answer 400, 404, 409 or 503.</summary>
[GenerateSerializer]
public enum ConfigErrorKind
{
    Invalid,
    NotFound,
    Conflict,

    /// <summary>Redis failed under the change, which was therefore not made; retrying may succeed.</summary>
    Unavailable,
}
