using System.Globalization;
using System.Reflection;
using RateLimiterOrleans.Lab;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// <c>samples/ProtectedApi</c> as a user runs it beside the lab: its own process, an Orleans client of a test
/// stack's cluster, configured only through its documented settings.
/// </summary>
public sealed class SampleApiProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly int _pid;
    private readonly string _logFile;

    private SampleApiProcess(int pid, string url, string logFile)
    {
        _pid = pid;
        Url = url;
        _logFile = logFile;
    }

    public string Url { get; }

    public string Log => File.Exists(_logFile) ? File.ReadAllText(_logFile) : "";

    public static SampleApiProcess Start(StackFixture stack)
    {
        string configuration = typeof(SampleApiProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string assembly = Path.Combine(LabPaths.Discover().Root, "samples", "ProtectedApi", "bin", configuration, "net10.0", "RateLimiterOrleans.ProtectedApi.dll");
        string url = $"http://127.0.0.1:{FreePort.Take()}";
        var environment = new Dictionary<string, string>
        {
            ["Cluster__Redis"] = $"127.0.0.1:{stack.Stack.Ports.Redis.ToString(CultureInfo.InvariantCulture)}",
            ["Cluster__ClusterId"] = stack.Settings.ClusterId,
            ["Cluster__ServiceId"] = stack.Settings.ServiceId,
            ["Urls"] = url,
        };
        string logFile = Path.Combine(Path.GetTempPath(), "ratelimiter-e2e", $"sample-{Guid.NewGuid():N}.log");
        int pid = DetachedProcess.Start("dotnet", [assembly], logFile, environment);
        return new SampleApiProcess(pid, url, logFile);
    }

    /// <summary>Waits until <c>/hello</c> answers for a throwaway key; false if not before the deadline or the process ends.</summary>
    public async Task<bool> UntilServing(TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (DateTimeOffset.UtcNow < until && PosixProcess.IsAlive(_pid))
        {
            try
            {
                using var response = await Hello($"probe-{Guid.NewGuid():N}");
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        return false;
    }

    public Task<HttpResponseMessage> Hello(string apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Url}/hello");
        request.Headers.Add("X-API-Key", apiKey);
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await PosixProcess.StopAsync(_pid, TimeSpan.FromSeconds(15));
        File.Delete(_logFile);
    }
}
