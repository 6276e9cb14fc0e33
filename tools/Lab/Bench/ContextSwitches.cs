using System.Globalization;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// Context switches of a process's threads, from each <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/status</c> (the process's own
/// status file counts its main thread only). Threads come and go, so a span is measured thread by thread.
/// </summary>
public static class ContextSwitches
{
    public sealed record Count(long Voluntary, long Involuntary)
    {
        public static Count operator -(Count after, Count before) => new(after.Voluntary - before.Voluntary, after.Involuntary - before.Involuntary);

        public static Count operator +(Count a, Count b) => new(a.Voluntary + b.Voluntary, a.Involuntary + b.Involuntary);
    }

    /// <summary>Every live thread's count so far, by thread id.</summary>
    public static IReadOnlyDictionary<string, Count> Of(int pid)
    {
        var threads = new Dictionary<string, Count>();
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            return threads;
        }

        foreach (var task in tasks)
        {
            try
            {
                var lines = File.ReadAllLines(Path.Combine(task, "status"));
                threads[Path.GetFileName(task)] = new Count(Field(lines, "voluntary_ctxt_switches:"), Field(lines, "nonvoluntary_ctxt_switches:"));
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }

    /// <summary>
    /// The switches made between two readings by the threads alive at the second: a thread that ended meanwhile is
    /// not counted, one that started is counted whole.
    /// </summary>
    public static Count Between(IReadOnlyDictionary<string, Count> before, IReadOnlyDictionary<string, Count> after) =>
        after.Aggregate(new Count(0, 0), (sum, thread) => sum + (thread.Value - before.GetValueOrDefault(thread.Key, new Count(0, 0))));

    private static long Field(string[] lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[name.Length..].Trim(), CultureInfo.InvariantCulture)
            : 0;
}
