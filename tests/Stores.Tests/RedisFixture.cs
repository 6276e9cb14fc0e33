using RateLimiterOrleans.Processes;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores.Tests;

/// <summary>A throwaway redis-server on a free port, and a connection made as a silo makes its decisions connection.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ratelimiter-stores-tests", Guid.NewGuid().ToString("N"));

    public RedisServer Server { get; private set; } = null!;

    /// <summary>The decisions connection, with the lab's 100 ms command timeout.</summary>
    public IConnectionMultiplexer Redis { get; private set; } = null!;

    /// <summary>A second connection for the test's own commands (pausing Redis, reading TTLs).</summary>
    public IConnectionMultiplexer Admin { get; private set; } = null!;

    public static RedisStoreOptions Options { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), _dataDirectory, Persistent: false));
        Redis = await ConnectionMultiplexer.ConnectAsync(RedisConnection.ForDecisions(Server.ConnectionString, Options));
        Admin = await ConnectionMultiplexer.ConnectAsync(Server.ConnectionString + ",allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Admin.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    public static string NewClient(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}
