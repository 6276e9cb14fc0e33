using Microsoft.Extensions.Logging;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// One log line when this silo's first decision of an outage is handed to the failure policy, and one when Redis
/// decides again; the decisions in between are counted in metrics, not logged one by one.
/// </summary>
public sealed partial class RedisOutageLog(ILogger<RedisOutageLog> logger)
{
    private int _inOutage;

    /// <summary>Redis could not decide; logs only the first such decision of an outage.</summary>
    public void Failed(RateLimitMode mode, RedisFailure failure, FailMode policy)
    {
        if (Interlocked.Exchange(ref _inOutage, 1) == 0)
        {
            LogOutageStarted(mode.ToName(), failure, policy.ToName());
        }
    }

    /// <summary>Redis decided. Returns true when this ends an outage.</summary>
    public bool Succeeded()
    {
        if (Volatile.Read(ref _inOutage) == 0 || Interlocked.Exchange(ref _inOutage, 0) == 0)
        {
            return false;
        }

        LogOutageEnded();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis could not decide ({Failure}) a {Mode} request: decisions follow the failure policy '{Policy}' until Redis answers again")]
    private partial void LogOutageStarted(string mode, RedisFailure failure, string policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis decides again: the failure policy no longer applies")]
    private partial void LogOutageEnded();
}
