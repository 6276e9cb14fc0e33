namespace RateLimiterOrleans.Lab.Bench;

/// <summary>Everything one <c>./lab bench</c> measured, for the report.</summary>
public sealed record BenchResults(
    BenchOptions Options,
    IReadOnlyList<(string Name, string Value)> Machine,
    IReadOnlyList<HttpMeasurement> Http,
    IdleSilos.Result Idle,
    RedisCeiling.Result Ceiling,
    StoreDecisionRun.Result Store,
    RedisMemory.Result RedisMemory,
    SiloMemory.Result SiloMemory,
    IReadOnlyList<(string Name, string Markdown)> Micro,
    IReadOnlyList<RuntimeProfile.Result> Profiles,
    TimeSpan Took);
