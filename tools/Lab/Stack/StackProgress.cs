namespace RateLimiterOrleans.Lab.Stack;

/// <summary>Where a stack reports what it is doing: the terminal for <c>./lab</c>, test output for tests.</summary>
public interface IStackProgress
{
    void Step(string message);

    /// <summary>Still waiting; called about once a second.</summary>
    void Waiting(string component, TimeSpan elapsed);
}
