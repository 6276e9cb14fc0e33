using StackExchange.Redis;

namespace RateLimiterOrleans.Grains;

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
    /// For decisions: while disconnected, fail at once rather than queue. A decision has 100 ms, and a queue
    /// built up during an outage would replay stale decisions when Redis returns.
    /// </summary>
    public static ConfigurationOptions ForDecisions(string configuration)
    {
        var options = Options(configuration);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}
