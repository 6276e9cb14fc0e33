using System.Reflection;
using RateLimiterOrleans.Lab;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// A whole lab stack (redis-server, three silos, nginx) started through the lab's own code on free
/// ports, in a temporary state directory, and stopped afterwards. It never touches a running lab.
/// </summary>
public class StackFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "ratelimiter-e2e", Guid.NewGuid().ToString("N"));
    private readonly TestProgress _progress = new();

    public LabStack Stack { get; private set; } = null!;

    public LabClient Client { get; private set; } = null!;

    /// <summary>The stack's Orleans ids, for an Orleans client of its cluster.</summary>
    public StackSettings Settings { get; private set; } = null!;

    private bool Started => Client is not null;

    protected virtual IReadOnlyDictionary<string, string>? SiloEnvironment => null;

    protected virtual bool Observability => false;

    /// <summary>The admin token the silos require, if this stack sets <c>RATELIMITER_ADMIN_TOKEN</c>.</summary>
    public string? AdminToken => SiloEnvironment?.GetValueOrDefault("RATELIMITER_ADMIN_TOKEN");

    public async Task InitializeAsync()
    {
        var paths = LabPaths.Discover();
        string configuration = typeof(StackFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var layout = new StackLayout(
            paths.Root,
            _stateDirectory,
            paths.SiloAssembly(configuration));
        Settings = new StackSettings($"e2e-{Guid.NewGuid():N}", SiloEnvironment, Observability);
        Stack = new LabStack(layout, StackPorts.Free(), Settings, _progress);
        var outcome = await Stack.UpAsync();
        if (!outcome.Ok)
        {
            // Logs stay in the state directory for the post-mortem.
            await Stack.DownAsync();
            throw new InvalidOperationException($"The test stack in {_stateDirectory} did not start: {outcome.Error}\n{_progress}");
        }

        Client = new LabClient(Stack.Ports, AdminToken);
    }

    /// <summary>Starts again whatever a test stopped or killed, failing the test with the reason when something does not come back.</summary>
    public async Task BringBackAsync()
    {
        var outcome = await Stack.UpAsync();
        Assert.True(outcome.Ok, $"The test stack in {_stateDirectory} did not come back: {outcome.Error}\n{_progress}");
    }

    public async Task DisposeAsync()
    {
        if (!Started)
        {
            return;
        }

        Client.Dispose();
        await Stack.DownAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
