using System.Diagnostics;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// One silo process in a cluster of its own, on a test stack's Redis: for settings that a whole stack
/// cannot share with the other tests, or that keep a silo from starting at all.
/// </summary>
public sealed class StandaloneSilo : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private StandaloneSilo(int pid, string url, int siloPort, string logFile)
    {
        Pid = pid;
        Url = url;
        SiloPort = siloPort;
        LogFile = logFile;
    }

    public int Pid { get; }

    /// <summary>Where its HTTP API answers, on loopback whatever address it listens on.</summary>
    public string Url { get; }

    public int SiloPort { get; }

    public string LogFile { get; }

    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    /// <param name="listenHost">The address Kestrel listens on: <c>0.0.0.0</c> for every address.</param>
    public static StandaloneSilo Start(StackFixture stack, IReadOnlyDictionary<string, string> settings, string listenHost = "127.0.0.1")
    {
        int httpPort = FreePort.Take();
        int siloPort = FreePort.Take();
        string serviceId = $"standalone-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string>
        {
            ["RateLimiter__InstanceName"] = "standalone",
            ["RateLimiter__Redis"] = $"127.0.0.1:{stack.Stack.Ports.Redis}",
            ["Orleans__ClusterId"] = serviceId,
            ["Orleans__ServiceId"] = serviceId,
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        string logFile = Path.Combine(Path.GetTempPath(), "ratelimiter-e2e", $"{serviceId}.log");
        int pid = DetachedProcess.Start("dotnet", [stack.Stack.Layout.SiloAssembly, "--urls", $"http://{listenHost}:{httpPort}"], logFile, environment);
        return new StandaloneSilo(pid, $"http://127.0.0.1:{httpPort}", siloPort, logFile);
    }

    /// <summary>Waits until <paramref name="path"/> answers 200; false if it does not before the deadline or the process ends.</summary>
    public async Task<bool> UntilOk(string path, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline && PosixProcess.IsAlive(Pid))
        {
            if (await HttpProbe.IsOkAsync($"{Url}{path}"))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    public async Task<bool> UntilExited(TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline && PosixProcess.IsAlive(Pid))
        {
            await Task.Delay(100);
        }

        return !PosixProcess.IsAlive(Pid);
    }

    public async Task<Reply> Send(HttpRequestMessage message)
    {
        using (message)
        {
            using var response = await Http.SendAsync(message);
            string text = await response.Content.ReadAsStringAsync();
            return new Reply(response.StatusCode, text, response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), response.Content.Headers.ContentType?.MediaType);
        }
    }

    public Task<Reply> Get(string path, string? apiKey = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, $"{Url}{path}");
        if (apiKey is not null)
        {
            message.Headers.Add("X-API-Key", apiKey);
        }

        return Send(message);
    }

    /// <summary>The TCP ports this process listens on, as <c>ss</c> reports them.</summary>
    public async Task<IReadOnlyList<int>> ListeningPorts()
    {
        var lines = new List<string>();
        await ProcessRunner.RunAsync(Executables.Find("ss"), ["-ltnpH"], lines.Add);
        return lines
            .Where(l => l.Contains($"pid={Pid},", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3])
            .Select(local => int.Parse(local[(local.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .Order()
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await PosixProcess.StopAsync(Pid, TimeSpan.FromSeconds(15));
        File.Delete(LogFile);
    }
}
