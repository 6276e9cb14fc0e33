namespace RateLimiterOrleans.Grains;

/// <summary>Why a configuration change was refused, naming the field at fault in its wire spelling.</summary>
[GenerateSerializer, Immutable]
public sealed record ConfigError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message,
    [property: Id(2)] ConfigErrorKind Kind = ConfigErrorKind.Invalid);
