namespace RateLimiterOrleans.Lab.Stack;

/// <summary>Where a stack reports what it is doing: the terminal for <c>./lab</c>, test output for tests.</summary>
public interface IStackProgress
{
    void Step(string message);

    /// <summary>Still waiting for <paramref name="component"/> to be healthy; called about once a second while it is not.</summary>
    void Waiting(string component, TimeSpan elapsed);

    /// <summary>No longer waiting for <paramref name="component"/>: it is healthy, or starting it failed.</summary>
    void DoneWaiting(string component);
}
