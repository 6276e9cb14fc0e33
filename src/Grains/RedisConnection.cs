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
        return options;
    }
}
