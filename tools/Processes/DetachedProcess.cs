using System.Diagnostics;

namespace RateLimiterOrleans.Processes;

/// <summary>
/// Starts a server that outlives the command that started it: in its own session (so Ctrl-C in the
/// terminal does not reach it), with stdin closed and stdout/stderr appended to a log file.
/// </summary>
/// <remarks>
/// Not CliWrap, which <see cref="ProcessRunner"/> and <see cref="RedisServer"/> use: CliWrap runs a child it
/// awaits, reading its output through pipes that die with the caller. The lab's servers must keep running
/// after <c>./lab up</c> exits, and a later <c>./lab down</c> finds them by the pid recorded here
/// (<see cref="PosixProcess"/>), so they are started with setsid and write straight to their log files.
/// </remarks>
public static class DetachedProcess
{
    public static int Start(string file, IEnumerable<string> arguments, string logFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        // setsid does not fork when its caller is not a group leader, and sh execs, so the pid we get
        // is the server's own pid.
        var start = new ProcessStartInfo(Executables.Find("setsid"))
        {
            UseShellExecute = false,
        };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$LAB_LOG_FILE\" 2>&1 </dev/null");
        start.ArgumentList.Add(file);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LAB_LOG_FILE"] = logFile;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        return process.Id;
    }
}
