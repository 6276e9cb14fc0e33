using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>Reports a stack's progress on the terminal; waiting rewrites one line instead of scrolling.</summary>
public sealed class ConsoleProgress : IStackProgress
{
    private readonly object _gate = new();
    private bool _waitingLine;

    public void Step(string message)
    {
        lock (_gate)
        {
            EndWaitingLine();
            Console.WriteLine($"  {message}");
        }
    }

    public void Waiting(string component, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (Console.IsOutputRedirected)
            {
                Console.WriteLine($"  waiting for {component} ({elapsed.TotalSeconds:0} s)");
                return;
            }

            Console.Write($"\r  waiting for {component} ({elapsed.TotalSeconds:0} s)   ");
            _waitingLine = true;
        }
    }

    private void EndWaitingLine()
    {
        if (_waitingLine)
        {
            Console.WriteLine();
            _waitingLine = false;
        }
    }
}
