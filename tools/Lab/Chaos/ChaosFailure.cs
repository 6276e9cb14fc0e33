namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// One failure <c>./lab chaos</c> puts every mode through: its name on the command line, its column in the table,
/// and the failure policy (<c>fail_mode</c>) configured while it runs.
/// </summary>
public sealed record ChaosFailure(string Name, string Column, string FailMode)
{
    /// <summary>No failure: each mode's over-admission on its own, which every other column includes.</summary>
    public static ChaosFailure None { get; } = new("none", "no failure", "open");

    public static ChaosFailure Kill { get; } = new("kill", "`kill -9` of a silo", "open");

    public static ChaosFailure Frozen { get; } = new("frozen", "frozen silo, resumed", "open");

    public static ChaosFailure RollingRestart { get; } = new("rolling", "rolling restart", "open");

    public static ChaosFailure RedisOutage(string failMode) => new($"redis-{failMode}", $"Redis down, `fail_mode` {failMode}", failMode);

    public static IReadOnlyList<ChaosFailure> All { get; } =
        [None, Kill, Frozen, RollingRestart, RedisOutage("open"), RedisOutage("closed"), RedisOutage("local")];

    public static ChaosFailure? Named(string name) => All.FirstOrDefault(f => f.Name == name);
}
