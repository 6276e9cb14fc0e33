using System.Diagnostics;

namespace RateLimiterOrleans.Processes;

/// <summary>A redis-server child process: started, awaited until it answers PING, and stopped.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, RedisServerSettings settings)
    {
        _process = process;
        Settings = settings;
    }

    public RedisServerSettings Settings { get; }

    public int Port => Settings.Port;

    public string ConnectionString => $"127.0.0.1:{Port}";

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<RedisServer> StartAsync(RedisServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.DataDirectory);
        var start = new ProcessStartInfo(Executables.Find("redis-server"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var argument in settings.Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var server = new RedisServer(process, settings);
        if (!await RedisProbe.WaitUntilReadyAsync(settings.Port, TimeSpan.FromSeconds(10)))
        {
            await server.DisposeAsync();
            throw new InvalidOperationException(
                $"redis-server on port {settings.Port} did not answer PING within 10 s; see {Path.Combine(settings.DataDirectory, "redis.log")}.");
        }

        return server;
    }

    /// <summary>Ends the server at once, as a crash would: no shutdown, no final write.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
