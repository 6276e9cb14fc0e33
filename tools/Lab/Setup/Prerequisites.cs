using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Setup;

/// <summary>
/// Installs the programs the lab runs natively, with apt, only where they are missing, and says first what it
/// will install and why. A fresh machine needs nothing but the .NET SDK before <c>./lab up</c> or <c>./lab test</c>.
/// </summary>
public static class Prerequisites
{
    public static readonly IReadOnlyList<Prerequisite> Servers =
    [
        new("redis-server", "redis-server", "Redis: shared state and cluster membership"),
        new("redis-cli", "redis-tools", "talks to Redis in the README's exercises and in ./lab bench"),
        new("nginx", "nginx", "the load balancer in front of the three silos"),
    ];

    public static readonly IReadOnlyList<Prerequisite> Observability =
    [
        new("prometheus", "prometheus", "scrapes the silos' metrics (./lab up --observability, the metrics tests)"),
    ];

    public static readonly IReadOnlyList<Prerequisite> Bench =
    [
        new("wrk", "wrk", "the load generator of ./lab bench"),
        new("redis-benchmark", "redis-tools", "measures Redis' own ceiling in ./lab bench"),
    ];

    public static readonly IReadOnlyList<Prerequisite> Node =
    [
        new("node", "nodejs", "checks the k6 scripts' syntax in the tests (Debian does not package k6)"),
    ];

    public static readonly IReadOnlyList<Prerequisite> Browser =
    [
        new("chromium", "chromium", "loads the Orleans dashboard in the tests, as a browser would"),
    ];

    /// <summary>The servers, plus the tools the README's exercises use.</summary>
    public static readonly IReadOnlyList<Prerequisite> Lab =
    [
        .. Servers,
        new("curl", "curl", "sends the README's exercise requests"),
        new("jq", "jq", "reads the JSON answers in the README's exercises"),
        new("hey", "hey", "sends the README's bursts of concurrent requests"),
    ];

    /// <summary>What the tests start or drive.</summary>
    public static readonly IReadOnlyList<Prerequisite> Test = [.. Servers, .. Observability, .. Browser, .. Bench, .. Node];

    /// <summary>Everything <c>up</c>, <c>bench</c> and <c>test</c> install, for <c>./lab setup</c>.</summary>
    public static readonly IReadOnlyList<Prerequisite> All = [.. Lab, .. Observability, .. Bench, .. Browser, .. Node];

    /// <summary>Installs what <paramref name="needed"/> lists and is missing; <paramref name="purpose"/> names who needs it.</summary>
    public static async Task<bool> EnsureAsync(string purpose, IEnumerable<Prerequisite> needed, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(needed);
        ArgumentNullException.ThrowIfNull(report);
        var wanted = needed.DistinctBy(p => p.Program).ToList();
        var missing = wanted.Where(p => Executables.TryFind(p.Program) is null).ToList();
        if (missing.Count == 0)
        {
            return true;
        }

        var packages = missing.Select(p => p.Package).Distinct().ToList();
        string programs = missing.Count == 1 ? "1 program that is" : $"{missing.Count} programs that are";
        report($"{purpose} needs {programs} not installed; installing {string.Join(", ", packages)} with apt-get:");
        int program = missing.Max(p => p.Program.Length);
        int package = missing.Max(p => p.Package.Length);
        foreach (var p in missing)
        {
            report($"  {p.Program.PadRight(program)}  from {p.Package.PadRight(package)}  {p.Why}");
        }

        var apt = Executables.TryFind("apt-get");
        if (apt is null)
        {
            report($"apt-get is not available: install {string.Join(", ", packages)} by hand, then run this again.");
            return false;
        }

        // Not root: go through sudo, which asks for a password only if it must.
        bool root = Environment.UserName == "root";
        string file = root ? apt : Executables.Find("sudo");
        string[] prefix = root ? [] : [apt];
        var quiet = new List<string>();
        if (await ProcessRunner.RunAsync(file, [.. prefix, "update", "-qq"], quiet.Add, timeout: TimeSpan.FromMinutes(10)) != 0
            || await ProcessRunner.RunAsync(file, [.. prefix, "install", "-y", "-qq", "--no-install-recommends", .. packages], quiet.Add, timeout: TimeSpan.FromMinutes(30)) != 0)
        {
            quiet.TakeLast(20).ToList().ForEach(report);
            report($"apt-get could not install {string.Join(", ", packages)}.");
            return false;
        }

        var stillMissing = wanted.Where(p => Executables.TryFind(p.Program) is null).Select(p => p.Program).ToList();
        if (stillMissing.Count > 0)
        {
            report($"after apt-get, still not found: {string.Join(", ", stillMissing)}.");
            return false;
        }

        await StopPackagedServices(packages, file, prefix.Length == 0, report);
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
            if (await ProcessRunner.RunAsync(file, arguments, _ => { }, timeout: TimeSpan.FromMinutes(1)) == 0)
            {
                report($"stopped and disabled the packaged {unit} service: the lab runs its own");
            }
        }
    }
}
