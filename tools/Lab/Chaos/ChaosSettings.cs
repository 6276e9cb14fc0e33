namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// The shape of one <c>./lab chaos</c> measurement. Each client uses <see cref="Used"/> of its <see cref="Limit"/>, the
/// failure happens under a steady load, then each client sends <see cref="LaterRequests"/> more: enough for every silo's
/// count in <c>local</c> mode. The window outlasts the whole measurement, so exact means <see cref="Limit"/> admitted.
/// </summary>
public sealed record ChaosSettings
{
    public int Limit { get; init; } = 20;

    public int Used { get; init; } = 12;

    public int Clients { get; init; } = 10;

    public int WindowSeconds { get; init; } = 3_600;

    /// <summary>Requests in flight per client: more than one, so <c>redis_naive</c>'s read-then-write races.</summary>
    public int InFlightPerClient { get; init; } = 4;

    /// <summary>Workers sending for every client in turn while the failure lasts.</summary>
    public int LoadWorkers { get; init; } = 8;

    /// <summary>
    /// Their requests per second at most, in all: far beyond the limits, yet leaving the silos the CPU to restart
    /// on a small machine.
    /// </summary>
    public int LoadRate { get; init; } = 200;

    public TimeSpan RedisOutage { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The silo killed, frozen or restarted first: api-2.</summary>
    public int Silo { get; init; } = 1;

    public int LaterRequests => Limit * Lab.Stack.StackPorts.Silos;
}
