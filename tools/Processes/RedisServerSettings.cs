namespace RateLimiterOrleans.Processes;

/// <summary>How to run one redis-server.</summary>
/// <param name="Port">The loopback port it listens on.</param>
/// <param name="DataDirectory">Its own directory for the append-only file and its log.</param>
/// <param name="Persistent">
/// Whether to keep an append-only file. The lab's Redis holds Orleans membership and the stored
/// configuration, so it is persistent; throwaway test servers are not.
/// </param>
public sealed record RedisServerSettings(int Port, string DataDirectory, bool Persistent = true)
{
    public IReadOnlyList<string> Arguments() =>
    [
        "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--bind", "127.0.0.1",
        "--dir", DataDirectory,
        "--logfile", Path.Combine(DataDirectory, "redis.log"),
        "--daemonize", "no",
        "--save", "",
        "--appendonly", Persistent ? "yes" : "no",
        // Evicting a key could drop the membership table or the configuration: refuse writes instead.
        "--maxmemory-policy", "noeviction",
    ];
}
