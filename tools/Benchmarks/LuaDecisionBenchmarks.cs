using BenchmarkDotNet.Attributes;
using RateLimiterOrleans.Algorithms;
using RateLimiterOrleans.Processes;
using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Benchmarks;

[MemoryDiagnoser]
public class LuaDecisionBenchmarks
{
    private const int ClientCount = 1_000;
    private const long Generation = 1;

    // Generous enough that almost every call is admitted, so each one runs the script's full write path.
    private static readonly SlidingWindowPolicy WindowPolicy = new(10_000, TimeSpan.FromSeconds(10));
    private static readonly TokenBucketPolicy BucketPolicy = new(10_000, TimeSpan.FromSeconds(10));

    private readonly string[] _clients = Enumerable.Range(0, ClientCount).Select(i => $"micro-{i:D4}").ToArray();
    private string _dataDirectory = null!;
    private RedisServer _server = null!;
    private ConnectionMultiplexer _redis = null!;
    private AtomicSlidingWindowStore _slidingWindow = null!;
    private AtomicTokenBucketStore _tokenBucket = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("micro-redis-").FullName;
        _server = await RedisServer.StartAsync(new RedisServerSettings(FreePort.Take(), _dataDirectory, Persistent: false));
        _redis = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        // The connection's default 5 s timeout: a slow run on a loaded machine is measured, not turned into failures.
        var guard = RedisGuard.Standalone(_redis);
        _slidingWindow = new AtomicSlidingWindowStore(guard, ScriptClock.Redis);
        _tokenBucket = new AtomicTokenBucketStore(guard, ScriptClock.Redis);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _redis.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Benchmark]
    public Task<RedisDecision> SlidingWindow() => _slidingWindow.DecideAsync(NextClient(), Generation, WindowPolicy);

    [Benchmark]
    public Task<RedisDecision> TokenBucket() => _tokenBucket.DecideAsync(NextClient(), Generation, BucketPolicy);

    private string NextClient()
    {
        _next = (_next + 1) % ClientCount;
        return _clients[_next];
    }
}
