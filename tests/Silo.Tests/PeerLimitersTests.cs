using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Peers;

namespace RateLimiterOrleans.Silo.Tests;

/// <summary>The bench's peers cost an idle silo nothing: unused, they are dropped, and built again on their next request.</summary>
public sealed class PeerLimitersTests : IDisposable
{
    private static readonly TimeSpan Check = PeerLimiters.DropUnusedAfter;

    private readonly FakeTimeProvider _time = new();
    private readonly ClusterConfigCache _config;
    private readonly PeerLimiters _peers;

    public PeerLimitersTests()
    {
        _config = new ClusterConfigCache(null!, null!, Options.Create(new RateLimiterOptions()), _time, NullLogger<ClusterConfigCache>.Instance);
        _config.Offer(ClusterConfig.Initial(RateLimitMode.Local, 100, 60));
        // The RedisRateLimiting peer connects on its first acquisition only, which these tests never make.
        _peers = new PeerLimiters(null!, _config, _time);
    }

    public void Dispose()
    {
        _peers.Dispose();
        _config.Dispose();
    }

    [Fact]
    public void Peers_in_use_are_kept()
    {
        var first = _peers.InProcess;
        for (int i = 0; i < 6; i++)
        {
            _time.Advance(Check / 2);
            Assert.Same(first, _peers.InProcess);
        }

        Assert.True(first.AttemptAcquire("client").IsAcquired);
    }

    [Fact]
    public void Unused_peers_are_dropped_then_disposed_once_no_request_can_still_hold_them()
    {
        var unused = _peers.InProcess;
        var unusedRedis = _peers.RedisRateLimiting;

        _time.Advance(Check);
        // Dropped: a request that read them just before still gets an answer.
        Assert.True(unused.AttemptAcquire("client").IsAcquired);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Throws<ObjectDisposedException>(() => unused.AttemptAcquire("client"));
        Assert.Throws<ObjectDisposedException>(() => unusedRedis.AttemptAcquire("client"));
        var rebuilt = _peers.InProcess;
        Assert.NotSame(unused, rebuilt);
        Assert.True(rebuilt.AttemptAcquire("client").IsAcquired);
    }

    [Fact]
    public void Peers_built_again_after_a_drop_are_dropped_again_when_unused()
    {
        var first = _peers.InProcess;
        _time.Advance(Check);
        var second = _peers.InProcess;
        Assert.NotSame(first, second);

        _time.Advance(Check);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Throws<ObjectDisposedException>(() => second.AttemptAcquire("client"));
    }
}
