namespace RateLimiterOrleans.Grains;

/// <summary>A tier's definition as sent: any field may be absent when updating an existing tier.</summary>
[GenerateSerializer, Immutable]
public sealed record TierPatch(
    [property: Id(0)] int? RateLimit = null,
    [property: Id(1)] int? WindowSizeSeconds = null,
    [property: Id(2)] string? Algorithm = null,
    [property: Id(3)] bool? Shadow = null);
