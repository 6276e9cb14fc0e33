namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>A burst as asked for: <see cref="Requests"/> decisions for one client, <see cref="Concurrency"/> at a time.</summary>
public sealed record BurstRequest(string Client, int Requests, int Concurrency);
