using Microsoft.Playwright;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, so Playwright's own browser download is never needed. Each page
/// gets a fresh context: no storage carries over from one test to the next.
/// </summary>
public sealed class LabBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private LabBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<LabBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executables.Find("chromium"),
            Headless = true,
            Args = HeadlessChromium.QuietFlags,
        });
        return new LabBrowser(playwright, browser);
    }

    public Task<IPage> NewPageAsync() => _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
