using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// Keeps the stores' Lua scripts loaded in Redis. The client sends a script by its SHA1 (<c>EVALSHA</c>) only once
/// <c>SCRIPT LOAD</c> has told it the hash; until then every call carries the whole script text (<c>EVAL</c>), and
/// under a burst those bodies queue in the connection's writer long enough to time out. Redis forgets its scripts
/// when it restarts, so they are loaded again whenever the connection is restored.
/// </summary>
public static class LuaScripts
{
    public static IReadOnlyList<string> All { get; } = [AtomicSlidingWindowStore.ScriptText, AtomicTokenBucketStore.ScriptText, .. GrainJournalStore.Scripts];

    /// <summary>Loads every script now, if Redis is reachable, and again after every reconnection.</summary>
    public static async Task KeepLoadedAsync(IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        redis.ConnectionRestored += (_, _) => _ = LoadAsync(redis);
        await LoadAsync(redis).ConfigureAwait(false);
    }

    private static async Task LoadAsync(IConnectionMultiplexer redis)
    {
        foreach (var server in redis.GetServers().Where(s => s.IsConnected))
        {
            try
            {
                foreach (string script in All)
                {
                    await server.ScriptLoadAsync(script).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                // Unloaded scripts still run, sent whole; the next reconnection loads them again.
            }
        }
    }
}
