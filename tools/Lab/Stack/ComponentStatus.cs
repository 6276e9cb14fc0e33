namespace RateLimiterOrleans.Lab.Stack;

/// <summary>One line of <c>./lab status</c>.</summary>
public sealed record ComponentStatus(string Name, int? Pid, int Port, bool Running, bool Healthy, string Url);
