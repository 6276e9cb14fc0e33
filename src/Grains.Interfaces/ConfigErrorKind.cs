namespace RateLimiterOrleans.Grains;

/// <summary>What kind of refusal a <see cref="ConfigError"/> is, so HTTP can answer 400, 404 or 409.</summary>
[GenerateSerializer]
public enum ConfigErrorKind
{
    Invalid,
    NotFound,
    Conflict,
}
