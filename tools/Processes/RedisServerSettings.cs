namespace RateLimiterOrleans.Processes;

/// <summary>How to run one redis-server.</summary>
/// <param name="Port">The loopback port it listens on.</param>
/// <param name="DataDirectory">Its own directory for the append-only file and its log.</param>
/// <param name="Persistent">
/// Whether to keep an append-only file. The lab's Redis holds Orleans membership and the stored
/// configuration, so it is persistent; throwaway test servers are not.
/// </param>
/// <param name="MaxMemory">
/// The memory Redis may use (redis-server's syntax, such as <c>1gb</c>). Per-client keys grow with the
/// clients; at the bound, writes are refused rather than memory exhausted.
/// </param>
public sealed record RedisServerSettings(int Port, string DataDirectory, bool Persistent = true, string MaxMemory = "1gb")
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
        "--maxmemory", MaxMemory,
        // Evicting a key could drop the membership table or the configuration, and an evicted counter
        // would hand its client a fresh limit: at the bound, refuse writes instead.
        "--maxmemory-policy", "noeviction",
    ];
}
