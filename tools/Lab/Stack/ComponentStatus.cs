namespace RateLimiterOrleans.Lab.Stack;

/// <summary>One line of <c>./lab status</c>. <paramref name="Live"/> is a silo's liveness, apart from its readiness (<paramref name="Healthy"/>).</summary>
public sealed record ComponentStatus(string Name, int? Pid, int Port, bool Running, bool Healthy, string Url, bool? Live = null);
