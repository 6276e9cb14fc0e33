namespace RateLimiterOrleans.Grains;

/// <summary>A reset of one client: its reset generation and when it happened, so it can be forgotten later.</summary>
[GenerateSerializer, Immutable]
public sealed record ClientReset([property: Id(0)] long Generation, [property: Id(1)] DateTimeOffset At);
