using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Stores;

/// <summary>A decision made against Redis, with whether a lost update was seen while making it.</summary>
public readonly record struct RedisDecision(LimitDecision Decision, bool RaceDetected);
