using RateLimiterOrleans.Processes;

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

    /// <summary>Prometheus, for <c>./lab up --observability</c> and the tests that query it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Observability = new Dictionary<string, string>
    {
        ["prometheus"] = "prometheus",
    };

    /// <summary>The load generator of <c>./lab bench</c>; redis-benchmark comes with redis-tools.</summary>
    public static readonly IReadOnlyDictionary<string, string> Bench = new Dictionary<string, string>
    {
        ["wrk"] = "wrk",
        ["redis-benchmark"] = "redis-tools",
    };

    /// <summary>Node.js, whose syntax check stands in for k6 (which Debian does not package) in the tests.</summary>
    public static readonly IReadOnlyDictionary<string, string> Node = new Dictionary<string, string>
    {
        ["node"] = "nodejs",
    };

    /// <summary>Headless Chromium, for the test that loads the Orleans dashboard as a browser would.</summary>
    public static readonly IReadOnlyDictionary<string, string> Browser = new Dictionary<string, string>
    {
        ["chromium"] = "chromium",
    };

    /// <summary>The servers, plus the tools the README's exercises use: curl, jq and the hey load generator.</summary>
    public static readonly IReadOnlyDictionary<string, string> Lab = new Dictionary<string, string>(Servers)
    {
        ["curl"] = "curl",
        ["jq"] = "jq",
        ["hey"] = "hey",
    };

    /// <summary>What the tests start or drive: the servers, Prometheus, Chromium, the bench tools and Node.js.</summary>
    public static IReadOnlyDictionary<string, string> Test { get; } =
        Servers.Concat(Observability).Concat(Browser).Concat(Bench).Concat(Node).ToDictionary();

    /// <summary>Everything <c>up</c>, <c>bench</c> and <c>test</c> install, for <c>./lab setup</c>.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } =
        Lab.Concat(Observability).Concat(Bench).Concat(Browser).Concat(Node).DistinctBy(p => p.Key).ToDictionary();

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

        await StopPackagedServices(missing, file, prefix.Length == 0, report);
        return true;
    }

    // Debian starts a freshly installed server as a system service: redis-server would then hold 6379
    // and prometheus 9090, the lab's own ports. The lab runs its own copies, so it stops the ones it
    // just installed; a server that was installed before is left alone (and up names it if it is in the way).
    private static async Task StopPackagedServices(IEnumerable<string> installed, string aptOrSudo, bool root, Action<string> report)
    {
        var systemctl = Executables.TryFind("systemctl");
        if (systemctl is null || !Directory.Exists("/run/systemd/system"))
        {
            return;
        }

        foreach (var unit in installed.Intersect(["redis-server", "nginx", "prometheus"]))
        {
            string file = root ? systemctl : aptOrSudo;
            string[] arguments = root ? ["disable", "--now", unit] : [systemctl, "disable", "--now", unit];
            if (await ProcessRunner.RunAsync(file, arguments, _ => { }) == 0)
            {
                report($"stopped and disabled the packaged {unit} service: the lab runs its own");
            }
        }
    }
}
