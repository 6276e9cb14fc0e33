using Microsoft.Extensions.Options;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// The lab page's own Redis connection. It may run admin commands (INFO for the cluster view, CLIENT PAUSE for
/// chaos), so decisions never use it. Connected on first use.
/// </summary>
public sealed class LabRedis(IOptions<RateLimiterOptions> options) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(AdminOptions(options.Value.Redis)));

    /// <summary>Whether Redis answers within a second, and if so how many keys and bytes it holds.</summary>
    public async Task<RedisState> ReadAsync()
    {
        try
        {
            var server = await ServerAsync();
            long keys = await server.DatabaseSizeAsync().WaitAsync(Timeout);
            var memory = (await server.InfoAsync("memory").WaitAsync(Timeout)).SelectMany(section => section).ToDictionary(p => p.Key, p => p.Value);
            return new RedisState("up", keys, long.Parse(memory["used_memory"], System.Globalization.CultureInfo.InvariantCulture), memory["used_memory_human"], null);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new RedisState("down", null, null, null, e.Message);
        }
    }

    /// <summary>
    /// Makes Redis stop serving every client for <paramref name="duration"/> (CLIENT PAUSE ... ALL): unreachable
    /// to the silos as a network partition would be, with every key kept.
    /// </summary>
    public async Task PauseAsync(TimeSpan duration)
    {
        var server = await ServerAsync();
        await server.ExecuteAsync("CLIENT", "PAUSE", (long)duration.TotalMilliseconds, "ALL").WaitAsync(Timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }

    private static ConfigurationOptions AdminOptions(string configuration)
    {
        // Fail fast like decisions do, so the page's view of a down Redis says so at once.
        var admin = RedisConnection.ForDecisions(configuration, new RedisStoreOptions());
        admin.AllowAdmin = true;
        return admin;
    }

    private async Task<IServer> ServerAsync()
    {
        var redis = await _connection.Value.WaitAsync(Timeout);
        return redis.GetServer(redis.GetEndPoints()[0]);
    }
}
