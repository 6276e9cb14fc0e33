namespace RateLimiterOrleans.Silo.Agents;

/// <summary>A recent decision: the silo that took the request, the silo whose count decided it, the outcome.</summary>
[GenerateSerializer, Immutable]
public sealed record RecentDecision(
    [property: Id(0)] string Instance,
    [property: Id(1)] string DecidedBy,
    [property: Id(2)] bool Allowed,
    [property: Id(3)] DateTimeOffset At);
