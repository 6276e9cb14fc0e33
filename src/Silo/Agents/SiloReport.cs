namespace RateLimiterOrleans.Silo.Agents;

/// <summary>What one silo reports about itself: counters since it started, and whether it allows chaos.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloReport(
    [property: Id(0)] string Name,
    [property: Id(1)] TimeSpan Uptime,
    [property: Id(2)] long Allowed,
    [property: Id(3)] long Rejected,
    [property: Id(4)] long RacesDetected,
    [property: Id(5)] long FailOpen,
    [property: Id(6)] long ClientGrains,
    [property: Id(7)] long LocalClientCount,
    [property: Id(8)] bool Chaos);
