using RateLimiterOrleans.Lab.Processes;

namespace RateLimiterOrleans.Lab.Setup;

/// <summary>
/// Installs the servers the lab runs natively, with apt, only where they are missing. A fresh machine
/// needs nothing but the .NET SDK before <c>./lab up</c> or <c>./lab test</c>.
/// </summary>
public static class Prerequisites
{
    /// <summary>Program on PATH → the Debian package that provides it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Servers = new Dictionary<string, string>
    {
        ["redis-server"] = "redis-server",
        ["redis-cli"] = "redis-tools",
        ["nginx"] = "nginx",
    };

    /// <summary>The servers, plus the tools the README's exercises use: curl, jq and the hey load generator.</summary>
    public static readonly IReadOnlyDictionary<string, string> Lab = new Dictionary<string, string>(Servers)
    {
        ["curl"] = "curl",
        ["jq"] = "jq",
        ["hey"] = "hey",
    };

    public static async Task<bool> EnsureAsync(IReadOnlyDictionary<string, string> programs, Action<string> report)
    {
        var missing = programs.Where(p => Executables.TryFind(p.Key) is null).Select(p => p.Value).Distinct().ToList();
        if (missing.Count == 0)
        {
            return true;
        }

        report($"installing {string.Join(", ", missing)} with apt-get");
        var apt = Executables.TryFind("apt-get");
        if (apt is null)
        {
            report($"apt-get is not available: install {string.Join(", ", missing)} by hand, then run this again.");
            return false;
        }

        // Not root: go through sudo, which asks for a password only if it must.
        bool root = Environment.UserName == "root";
        string file = root ? apt : Executables.Find("sudo");
        string[] prefix = root ? [] : [apt];
        var quiet = new List<string>();
        if (await ProcessRunner.RunAsync(file, [.. prefix, "update", "-qq"], quiet.Add) != 0
            || await ProcessRunner.RunAsync(file, [.. prefix, "install", "-y", "-qq", "--no-install-recommends", .. missing], quiet.Add) != 0)
        {
            quiet.TakeLast(20).ToList().ForEach(report);
            report($"apt-get could not install {string.Join(", ", missing)}.");
            return false;
        }

        var stillMissing = programs.Keys.Where(p => Executables.TryFind(p) is null).ToList();
        if (stillMissing.Count > 0)
        {
            report($"after apt-get, still not found: {string.Join(", ", stillMissing)}.");
            return false;
        }

        return true;
    }
}
