using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace RateLimiterOrleans.Stores.Tests;

public sealed class RedisCircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingLogger<RedisCircuitBreaker> _log = new();
    private readonly RedisCircuitBreaker _breaker;

    public RedisCircuitBreakerTests() =>
        _breaker = new RedisCircuitBreaker(new RedisStoreOptions { FailuresToOpen = 3, OpenFor = TimeSpan.FromMilliseconds(500) }, _clock, _log);

    [Fact]
    public void Stays_closed_below_the_failure_threshold_and_a_success_starts_the_count_again()
    {
        Call(BreakerOutcome.Failed);
        Call(BreakerOutcome.Failed);
        Call(BreakerOutcome.Succeeded);
        Call(BreakerOutcome.Failed);
        Call(BreakerOutcome.Failed);

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
    public void An_inconclusive_call_neither_opens_nor_closes_it()
    {
        for (int i = 0; i < 10; i++)
        {
            Call(BreakerOutcome.Inconclusive);
        }

        Assert.Equal(CircuitState.Closed, _breaker.State);
        FailTimes(3);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Call(BreakerOutcome.Inconclusive);
        Assert.NotEqual(CircuitState.Closed, _breaker.State);
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
    public void A_probe_that_ends_inconclusively_lets_the_next_probe_through_rather_than_sticking()
    {
        FailTimes(3);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(_breaker.TryEnter());

        _breaker.Record(BreakerOutcome.Inconclusive);

        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void A_successful_probe_closes_the_circuit()
    {
        FailTimes(3);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _breaker.TryEnter();

        _breaker.Record(BreakerOutcome.Succeeded);

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

        _breaker.Record(BreakerOutcome.Failed);

        Assert.False(_breaker.TryEnter());
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void Opening_and_closing_are_each_logged_once()
    {
        FailTimes(5);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Call(BreakerOutcome.Succeeded);
        Call(BreakerOutcome.Succeeded);

        Assert.Collection(
            _log.Lines,
            opened => Assert.Equal((LogLevel.Warning, true), (opened.Level, opened.Message.Contains("circuit opened", StringComparison.Ordinal))),
            closed => Assert.Equal((LogLevel.Information, true), (closed.Level, closed.Message.Contains("circuit closed", StringComparison.Ordinal))));
    }

    private void Call(BreakerOutcome outcome)
    {
        Assert.True(_breaker.TryEnter());
        _breaker.Record(outcome);
    }

    private void FailTimes(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (_breaker.TryEnter())
            {
                _breaker.Record(BreakerOutcome.Failed);
            }
        }
    }
}
