using System.Threading.RateLimiting;
using RateLimiterOrleans.Grains;
using RedisRateLimiting;
using StackExchange.Redis;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// Two widely used limiters, run in this silo beside the lab's own for <c>./lab bench</c>: the
/// RedisRateLimiting package's sliding window on the same Redis, and .NET's in-process
/// <see cref="SlidingWindowRateLimiter"/>. Both take the default tier's limit and window, and are
/// rebuilt when those change.
/// </summary>
public sealed class PeerLimiters(IConnectionMultiplexer redis, ClusterConfigCache config) : IDisposable
{
    private readonly object _gate = new();
    private (int Limit, int Window)? _builtFor;
    private PartitionedRateLimiter<string>? _redisRateLimiting;
    private PartitionedRateLimiter<string>? _inProcess;

    /// <summary>RedisRateLimiting's <c>RedisSlidingWindowRateLimiter</c>, partitioned by client.</summary>
    public PartitionedRateLimiter<string> RedisRateLimiting => Current().RedisRateLimiting;

    /// <summary>System.Threading.RateLimiting's <see cref="SlidingWindowRateLimiter"/>, one per client, in this silo only.</summary>
    public PartitionedRateLimiter<string> InProcess => Current().InProcess;

    public void Dispose()
    {
        _redisRateLimiting?.Dispose();
        _inProcess?.Dispose();
    }

    private (PartitionedRateLimiter<string> RedisRateLimiting, PartitionedRateLimiter<string> InProcess) Current()
    {
        var limits = config.Current.Config.DefaultLimits;
        lock (_gate)
        {
            if (_builtFor != (limits.RateLimit, limits.WindowSizeSeconds))
            {
                Dispose();
                var window = limits.Window;
                int limit = limits.RateLimit;
                _redisRateLimiting = PartitionedRateLimiter.Create<string, string>(client =>
                    RedisRateLimitPartition.GetSlidingWindowRateLimiter(client, _ => new RedisSlidingWindowRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        PermitLimit = limit,
                        Window = window,
                    }));
                // Ten segments, as ASP.NET Core's samples use: the window slides in tenths.
                _inProcess = PartitionedRateLimiter.Create<string, string>(client =>
                    RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = limit,
                        Window = window,
                        SegmentsPerWindow = 10,
                        QueueLimit = 0,
                    }));
                _builtFor = (limits.RateLimit, limits.WindowSizeSeconds);
            }

            return (_redisRateLimiting!, _inProcess!);
        }
    }
}
