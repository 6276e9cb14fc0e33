using System.Collections.Concurrent;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>Keeps a stack's progress for the failure message instead of printing it.</summary>
public sealed class TestProgress : IStackProgress
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Step(string message) => _lines.Enqueue(message);

    public void Waiting(string component, TimeSpan elapsed)
    {
    }

    public void DoneWaiting(string component)
    {
    }

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
