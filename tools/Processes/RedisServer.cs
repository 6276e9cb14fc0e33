using CliWrap;

namespace RateLimiterOrleans.Processes;

/// <summary>
/// A redis-server child process for tests and measurements: started with CliWrap, awaited until it answers
/// PING, and killed (with no shutdown, as a crash would) when disposed. Its log goes to its data directory.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _kill;
    private readonly CommandTask<CommandResult> _running;

    private RedisServer(RedisServerSettings settings, CancellationTokenSource kill, CommandTask<CommandResult> running)
    {
        Settings = settings;
        _kill = kill;
        _running = running;
    }

    public RedisServerSettings Settings { get; }

    public int Port => Settings.Port;

    public string ConnectionString => $"127.0.0.1:{Port}";

    public int ProcessId => _running.ProcessId;

    public bool HasExited => _running.Task.IsCompleted;

    public static async Task<RedisServer> StartAsync(RedisServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.DataDirectory);
        var kill = new CancellationTokenSource();
        var running = Cli.Wrap(Executables.Find("redis-server"))
            .WithArguments(settings.Arguments())
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(kill.Token);
        var server = new RedisServer(settings, kill, running);
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
        await _kill.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // How CliWrap reports a process it killed on request.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _running.Dispose();
        _kill.Dispose();
    }
}
