using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>Debian's Chromium, headless, with a fresh profile and no background traffic to the internet.</summary>
public static class HeadlessChromium
{
    /// <summary>The flags that keep Chromium headless, sandbox-free in a container, and off the internet.</summary>
    public static readonly IReadOnlyList<string> QuietFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Renders the page, lets its scripts run for <paramref name="scriptTime"/> of virtual time, and returns the DOM.</summary>
    public static async Task<string> DumpDomAsync(string url, TimeSpan scriptTime) =>
        string.Join('\n', await Run(url, scriptTime, "--dump-dom"));

    public static async Task ScreenshotAsync(string url, TimeSpan scriptTime, string file) =>
        await Run(url, scriptTime, $"--screenshot={file}");

    private static async Task<List<string>> Run(string url, TimeSpan scriptTime, string action)
    {
        string profile = Path.Combine(Path.GetTempPath(), "ratelimiter-chromium", Guid.NewGuid().ToString("N"));
        var output = new List<string>();
        try
        {
            string[] arguments =
            [
                "--headless", .. QuietFlags,
                $"--user-data-dir={profile}", "--window-size=1400,1000",
                $"--virtual-time-budget={(int)scriptTime.TotalMilliseconds}", action, url,
            ];
            var stdout = new List<string>();
            int exit = await ProcessRunner.RunAsync(Executables.Find("chromium"), arguments, stdout.Add, timeout: TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, $"chromium exited with {exit}:\n{string.Join('\n', stdout.TakeLast(20))}");
            output.AddRange(stdout);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }

        return output;
    }
}
