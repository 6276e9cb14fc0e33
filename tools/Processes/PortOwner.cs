using System.Text.RegularExpressions;

namespace RateLimiterOrleans.Processes;

/// <summary>Says which process holds a TCP port, so "port taken" errors can name the culprit.</summary>
public static partial class PortOwner
{
    public static async Task<string> DescribeAsync(int port)
    {
        var ss = Executables.TryFind("ss");
        if (ss is null)
        {
            return "another process";
        }

        var lines = new List<string>();
        await ProcessRunner.RunAsync(ss, ["-Hltnp", $"sport = :{port}"], lines.Add, timeout: TimeSpan.FromSeconds(10));
        var match = lines.Select(l => UsersField().Match(l)).FirstOrDefault(m => m.Success);
        return match is null ? "another process" : $"{match.Groups["name"].Value} (pid {match.Groups["pid"].Value})";
    }

    [GeneratedRegex("users:\\(\\(\"(?<name>[^\"]+)\",pid=(?<pid>\\d+)")]
    private static partial Regex UsersField();
}
