using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>How silos connect to Redis: one setting for Orleans' own use, one for rate-limit decisions.</summary>
public static class RedisConnection
{
    /// <summary>
    /// For clustering and grain storage: while Redis reconnects, commands wait in the backlog, so a
    /// configuration change made just after Redis returns is written rather than refused.
    /// </summary>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Keep retrying in the background instead of failing the silo when Redis is late at start.
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>
    /// For decisions: while disconnected, fail at once rather than queue, since a queue built up during an outage
    /// would replay stale decisions when Redis returns. Each command gets <see cref="RedisStoreOptions.CommandTimeout"/>,
    /// checked twice per timeout, so a hung Redis is noticed within one and a half timeouts.
    /// </summary>
    public static ConfigurationOptions ForDecisions(string configuration, RedisStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        ReadRepliesOnDedicatedThreads();
        var options = Options(configuration);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = (int)Math.Ceiling(store.CommandTimeout.TotalMilliseconds);
        options.HeartbeatInterval = store.CommandTimeout / 2;
        return options;
    }

    // The command timeout runs from the write to the reply being read. On the shared thread pool, a reply that Redis
    // sent in time would wait behind a busy silo's queued work to be read, and the command would time out although
    // Redis was fast: a busy silo mistaken for a Redis outage. With this documented flag the client reads and
    // writes on threads of its own (a pair per connection). The flag is process-wide and read as each connection
    // opens; it is set here, before the decisions connection opens, and never cleared.
    private static void ReadRepliesOnDedicatedThreads() => ConnectionMultiplexer.SetFeatureFlag("DedicatedThreads", true);
}
