namespace RateLimiterOrleans.Grains;

/// <summary>
/// A change to any subset of the configuration. Absent fields keep their value. The seed's
/// <c>use_redis</c>/<c>use_lua_script</c> flags are accepted beside <c>mode</c> and mapped onto it, as is its
/// <c>fail_open</c> flag beside <c>fail_mode</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConfigPatch(
    [property: Id(0)] string? Mode = null,
    [property: Id(1)] bool? UseRedis = null,
    [property: Id(2)] bool? UseLuaScript = null,
    [property: Id(3)] int? RateLimit = null,
    [property: Id(4)] int? WindowSizeSeconds = null,
    [property: Id(5)] string? Algorithm = null,
    [property: Id(6)] bool? FailOpen = null,
    [property: Id(7)] string? FailMode = null,
    [property: Id(8)] bool? Shadow = null);
