using System.Globalization;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>CPU time a process has used so far, from <c>/proc/&lt;pid&gt;/stat</c> (user + system).</summary>
public static class ProcessCpu
{
    // Linux reports these fields in clock ticks, which are 1/100 s on every mainstream kernel build.
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static double Seconds(IEnumerable<int> pids) => pids.Sum(Seconds);

    /// <summary>nginx's workers are its children: their pids are found through the parent.</summary>
    public static IEnumerable<int> WithChildren(int pid) =>
        new[] { pid }.Concat(Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(int.Parse!)
            .Where(child => ParentOf(child) == pid));

    private static int ParentOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
