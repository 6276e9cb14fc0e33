using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Processes;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores.Tests;

/// <summary>Slow is not down: only an unreachable or unanswering Redis is a failure, and only those move the breaker.</summary>
public sealed class RedisGuardTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task A_redis_that_refuses_connections_is_unreachable_and_opens_the_circuit()
    {
        await using var nowhere = await ConnectionMultiplexer.ConnectAsync(RedisConnection.ForDecisions($"127.0.0.1:{FreePort.Take()}", RedisFixture.Options));
        var breaker = NewBreaker();
        var guard = new RedisGuard(nowhere, breaker);

        var failures = new List<RedisFailure>();
        for (int i = 0; i < 4; i++)
        {
            failures.Add((await Assert.ThrowsAsync<RedisStoreException>(() => guard.RunAsync(db => db.PingAsync()))).Failure);
        }

        Assert.Equal([RedisFailure.Unreachable, RedisFailure.Unreachable, RedisFailure.Unreachable, RedisFailure.CircuitOpen], failures);
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task A_paused_redis_times_out_within_one_and_a_half_command_timeouts()
    {
        var guard = new RedisGuard(redis.Redis, NewBreaker());
        await redis.Admin.GetServer(redis.Admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
        try
        {
            var watch = Stopwatch.StartNew();
            var failure = await Assert.ThrowsAsync<RedisStoreException>(() => guard.RunAsync(db => db.StringGetAsync(RedisFixture.NewClient("paused"))));

            Assert.Equal(RedisFailure.TimedOut, failure.Failure);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"The timeout took {watch.Elapsed.TotalMilliseconds:0} ms while Redis stayed paused for 3 s.");
        }
        finally
        {
            await redis.Admin.GetServer(redis.Admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "UNPAUSE");
        }
    }

    [Fact]
    public async Task An_error_reply_is_a_refusal_that_leaves_the_circuit_closed()
    {
        var breaker = NewBreaker();
        var guard = new RedisGuard(redis.Redis, breaker);
        string key = RedisFixture.NewClient("wrong-type");
        await redis.Admin.GetDatabase().StringSetAsync(key, "text");

        for (int i = 0; i < 5; i++)
        {
            var failure = await Assert.ThrowsAsync<RedisStoreException>(() => guard.RunAsync(db => db.SortedSetLengthAsync(key)));
            Assert.Equal(RedisFailure.Refused, failure.Failure);
        }

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task A_probe_that_throws_something_unexpected_still_frees_the_circuit_for_the_next_probe()
    {
        await using var nowhere = await ConnectionMultiplexer.ConnectAsync(RedisConnection.ForDecisions($"127.0.0.1:{FreePort.Take()}", RedisFixture.Options));
        var breaker = NewBreaker();
        var down = new RedisGuard(nowhere, breaker);
        for (int i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<RedisStoreException>(() => down.RunAsync(db => db.PingAsync()));
        }

        _clock.Advance(RedisFixture.Options.OpenFor);
        await Assert.ThrowsAsync<InvalidOperationException>(() => down.RunAsync<long>(_ => throw new InvalidOperationException("a bug in the caller")));

        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    private RedisCircuitBreaker NewBreaker() => new(RedisFixture.Options, _clock, new RecordingLogger<RedisCircuitBreaker>());
}
