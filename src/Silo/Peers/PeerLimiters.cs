using System.Threading.RateLimiting;
using RateLimiterOrleans.Grains;
using RedisRateLimiting;
using StackExchange.Redis;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// Two widely used limiters, run in this silo beside the lab's own for <c>./lab bench</c>: the
/// RedisRateLimiting package's sliding window on the same Redis, and .NET's in-process
/// <see cref="SlidingWindowRateLimiter"/>. Both take the default tier's limit and window, are
/// rebuilt when those change, and are dropped once unused for <see cref="DropUnusedAfter"/>.
/// </summary>
public sealed class PeerLimiters(IConnectionMultiplexer redis, ClusterConfigCache config, TimeProvider time) : IDisposable
{
    // Requests that read the replaced peers a moment before still use them; none lasts longer than its
    // request timeout, so the old ones are disposed only well after that.
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly object _rebuild = new();

    // Read on every peer request without a lock, so the peers pay nothing the lab's own modes do not.
    private volatile Built? _built;
    private long _lastUsed;
    private ITimer? _unusedCheck;

    /// <summary>
    /// How long the peers stay built with no request. Each partitioned limiter wakes every 100 ms for as long as it
    /// exists, used or not: after a bench, the two woke the idle silos' timer thread 60% more often.
    /// </summary>
    internal static readonly TimeSpan DropUnusedAfter = TimeSpan.FromSeconds(30);

    /// <summary>RedisRateLimiting's <c>RedisSlidingWindowRateLimiter</c>, partitioned by client.</summary>
    public PartitionedRateLimiter<string> RedisRateLimiting => Current().RedisRateLimiting;

    /// <summary>System.Threading.RateLimiting's <see cref="SlidingWindowRateLimiter"/>, one per client, in this silo only.</summary>
    public PartitionedRateLimiter<string> InProcess => Current().InProcess;

    public void Dispose()
    {
        lock (_rebuild)
        {
            _unusedCheck?.Dispose();
            _built?.Dispose();
        }
    }

    private Built Current()
    {
        Volatile.Write(ref _lastUsed, time.GetTimestamp());
        var limits = config.Current.Config.DefaultLimits;
        if (_built is { } built && built.Matches(limits))
        {
            return built;
        }

        lock (_rebuild)
        {
            if (_built is { } again && again.Matches(limits))
            {
                return again;
            }

            Retire(_built);
            _built = Build(limits);
            _unusedCheck ??= time.CreateTimer(_ => DropIfUnused(), null, DropUnusedAfter, DropUnusedAfter);
            return _built;
        }
    }

    private void DropIfUnused()
    {
        lock (_rebuild)
        {
            if (time.GetElapsedTime(Volatile.Read(ref _lastUsed)) < DropUnusedAfter)
            {
                return;
            }

            Retire(_built);
            _built = null;
            _unusedCheck?.Dispose();
            _unusedCheck = null;
        }
    }

    private void Retire(Built? replaced)
    {
        if (replaced is not null)
        {
            _ = RetireAsync(replaced);
        }
    }

    private async Task RetireAsync(Built replaced)
    {
        await Task.Delay(RetireAfter, time);
        replaced.Dispose();
    }

    private Built Build(TierLimits limits)
    {
        var window = limits.Window;
        int limit = limits.RateLimit;
        var redisRateLimiting = PartitionedRateLimiter.Create<string, string>(client =>
            RedisRateLimitPartition.GetSlidingWindowRateLimiter(client, _ => new RedisSlidingWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = limit,
                Window = window,
            }));
        // Ten segments, as ASP.NET Core's samples use: the window slides in tenths.
        var inProcess = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = window,
                SegmentsPerWindow = 10,
                QueueLimit = 0,
            }));
        return new Built(limits.RateLimit, limits.WindowSizeSeconds, redisRateLimiting, inProcess);
    }

    /// <summary>Both peers, built for one limit and window.</summary>
    private sealed record Built(int Limit, int WindowSizeSeconds, PartitionedRateLimiter<string> RedisRateLimiting, PartitionedRateLimiter<string> InProcess) : IDisposable
    {
        public bool Matches(TierLimits limits) => Limit == limits.RateLimit && WindowSizeSeconds == limits.WindowSizeSeconds;

        public void Dispose()
        {
            RedisRateLimiting.Dispose();
            InProcess.Dispose();
        }
    }
}
