using Microsoft.Extensions.Time.Testing;
using RateLimiterOrleans.Stores;

namespace RateLimiterOrleans.Grains.Tests;

public sealed class RedisCircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly RedisCircuitBreaker _breaker;

    public RedisCircuitBreakerTests() =>
        _breaker = new RedisCircuitBreaker(new RedisStoreOptions { FailuresToOpen = 3, OpenFor = TimeSpan.FromMilliseconds(500) }, _clock);

    [Fact]
    public void Stays_closed_below_the_failure_threshold_and_a_success_starts_the_count_again()
    {
        _breaker.Failed();
        _breaker.Failed();
        _breaker.Succeeded();
        _breaker.Failed();
        _breaker.Failed();

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void Opens_after_consecutive_failures_and_lets_nothing_through_while_open()
    {
        FailTimes(3);

        Assert.Equal(CircuitState.Open, _breaker.State);
        Assert.False(_breaker.TryEnter());
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(_breaker.TryEnter());
    }

    [Fact]
    public void After_the_open_period_lets_exactly_one_probe_through()
    {
        FailTimes(3);
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(CircuitState.HalfOpen, _breaker.State);
        Assert.True(_breaker.TryEnter());
        Assert.False(_breaker.TryEnter());
    }

    [Fact]
    public void A_successful_probe_closes_the_circuit()
    {
        FailTimes(3);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _breaker.TryEnter();

        _breaker.Succeeded();

        Assert.Equal(CircuitState.Closed, _breaker.State);
        Assert.True(_breaker.TryEnter());
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void A_failed_probe_opens_it_for_another_period()
    {
        FailTimes(3);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _breaker.TryEnter();

        _breaker.Failed();

        Assert.False(_breaker.TryEnter());
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(_breaker.TryEnter());
    }

    private void FailTimes(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _breaker.TryEnter();
            _breaker.Failed();
        }
    }
}
