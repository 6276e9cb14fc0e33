using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>
/// Reports a stack's progress. While components start, a terminal shows one line that is rewritten in place
/// ("waiting for api-1 (4 s), api-2 (4 s), api-3 (3 s)"); output to a file or a pipe gets the same line as
/// plain text, without control characters, every five seconds of waiting.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool terminal) : IStackProgress
{
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, TimeSpan> _waiting = new(StringComparer.Ordinal);
    private bool _lineShown;
    private TimeSpan _nextPlain = PlainEvery;

    /// <summary>Standard output; rewritten in place only when it is a terminal.</summary>
    public ConsoleProgress()
        : this(Console.Out, !Console.IsOutputRedirected)
    {
    }

    public void Step(string message)
    {
        lock (_gate)
        {
            ClearLine();
            output.WriteLine($"  {message}");
            ShowLine();
        }
    }

    public void Waiting(string component, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _waiting[component] = elapsed;
            if (terminal)
            {
                ShowLine();
            }
            else if (elapsed >= _nextPlain)
            {
                output.WriteLine(WaitingLine());
                _nextPlain = elapsed + PlainEvery;
            }
        }
    }

    public void DoneWaiting(string component)
    {
        lock (_gate)
        {
            _waiting.Remove(component);
            ClearLine();
            ShowLine();
            if (_waiting.Count == 0)
            {
                _nextPlain = PlainEvery;
            }
        }
    }

    private string WaitingLine() =>
        $"  waiting for {string.Join(", ", _waiting.Select(w => $"{w.Key} ({w.Value.TotalSeconds:0} s)"))}";

    private void ShowLine()
    {
        if (terminal && _waiting.Count > 0)
        {
            // Carriage return, the line, then "erase to the end of the line" for what a longer line left.
            output.Write($"\r{WaitingLine()}\u001b[K");
            _lineShown = true;
        }
    }

    private void ClearLine()
    {
        if (_lineShown)
        {
            output.Write("\r\u001b[K");
            _lineShown = false;
        }
    }
}
