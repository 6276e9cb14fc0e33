namespace RateLimiterOrleans.Lab.Setup;

/// <summary>A program the lab runs, the Debian package that provides it, and what the lab needs it for.</summary>
public sealed record Prerequisite(string Program, string Package, string Why);
