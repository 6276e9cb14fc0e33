using System.Runtime.InteropServices;

namespace RateLimiterOrleans.Processes;

/// <summary>Signals and liveness checks for processes this lab started in an earlier run.</summary>
public static partial class PosixProcess
{
    public const int SigHup = 1;
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !IsZombie(pid);

    /// <summary>The process's command line, to make sure a recorded pid still belongs to what we started.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>Asks a process to stop, and kills it if it is still there after <paramref name="grace"/> (at once for zero).</summary>
    public static async Task StopAsync(int pid, TimeSpan grace)
    {
        if (!IsAlive(pid))
        {
            return;
        }

        if (grace > TimeSpan.Zero)
        {
            Signal(pid, SigTerm);
        }

        var deadline = DateTimeOffset.UtcNow + grace;
        while (IsAlive(pid) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        if (IsAlive(pid))
        {
            Signal(pid, SigKill);
            while (IsAlive(pid))
            {
                await Task.Delay(20);
            }
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) S ..." where S is the state; Z is an exited, unreaped child.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
