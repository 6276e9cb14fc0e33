using StackExchange.Redis;

namespace RateLimiterOrleans.Grains;

/// <summary>How every silo connects to Redis.</summary>
public static class RedisConnection
{
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Keep retrying in the background instead of failing the silo when Redis is late at start.
        options.AbortOnConnectFail = false;
        // While disconnected, fail commands at once rather than queue them: a decision has 100 ms, and a
        // queue built up during an outage would replay stale decisions when Redis returns.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}
