using Microsoft.Extensions.Logging;

namespace RateLimiterOrleans.AspNetCore;

// The key is never logged: it can be an API key.
internal static partial class ClusterRateLimiterLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster did not decide ({Failure}); the request was {Outcome} as configured by WhenClusterUnavailable")]
    public static partial void ClusterUnavailable(ILogger logger, string failure, string outcome, Exception exception);
}
