namespace RateLimiterOrleans.Algorithms;

/// <summary><see cref="Count"/> permits admitted <see cref="Age"/> ago.</summary>
public readonly record struct AdmissionGroup(TimeSpan Age, int Count);
