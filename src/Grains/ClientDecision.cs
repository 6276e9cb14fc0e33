namespace RateLimiterOrleans.Grains;

/// <summary>One decision this silo took a request for, with the client and when.</summary>
public sealed record ClientDecision(string Client, Decision Decision, DateTimeOffset At);
