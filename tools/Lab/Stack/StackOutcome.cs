namespace RateLimiterOrleans.Lab.Stack;

/// <summary>Whether <c>up</c> brought every component to health, and if not, why.</summary>
public sealed record StackOutcome(bool Ok, string? Error)
{
    public static StackOutcome Success { get; } = new(true, null);

    public static StackOutcome Failure(string error) => new(false, error);
}
