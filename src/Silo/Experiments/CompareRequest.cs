namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// A comparison as asked for: the same burst in every mode. Each mode's burst uses a fresh client whose key
/// starts with <see cref="ClientPrefix"/>, so no mode inherits another's count.
/// </summary>
public sealed record CompareRequest(string ClientPrefix, int Requests, int Concurrency);
