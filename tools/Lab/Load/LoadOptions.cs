namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// What <c>./lab load</c> was asked for: a scenario, with its shape overridden by the command line,
/// where to send it, and whether to write the summary as JSON (to <see cref="JsonFile"/>, or to standard output).
/// </summary>
public sealed record LoadOptions(LoadScenario Scenario, Uri? Target, string? JsonFile, bool Json);
