using Microsoft.Extensions.Logging;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// Stops sending decisions to a Redis that keeps failing, so an outage costs each request nothing instead
/// of a timeout. After <see cref="RedisStoreOptions.OpenFor"/> one request is let through as a probe; its
/// success closes the circuit, its failure opens it again. Thread-safe; one per silo.
/// </summary>
public sealed partial class RedisCircuitBreaker(RedisStoreOptions options, TimeProvider time, ILogger<RedisCircuitBreaker> logger)
{
    private readonly object _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _probing;

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return !IsOpen ? CircuitState.Closed
                    : time.GetUtcNow() < _openUntil || _probing ? CircuitState.Open
                    : CircuitState.HalfOpen;
            }
        }
    }

    private bool IsOpen => _consecutiveFailures >= options.FailuresToOpen;

    /// <summary>Whether this call may go to Redis: always when closed, once per period when open.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (!IsOpen)
            {
                return true;
            }

            if (_probing || time.GetUtcNow() < _openUntil)
            {
                return false;
            }

            _probing = true;
            return true;
        }
    }

    /// <summary>Records how a call that <see cref="TryEnter"/> let through ended. Every such call must end here.</summary>
    public void Record(BreakerOutcome outcome)
    {
        bool opened = false, closed = false;
        int failures;
        lock (_gate)
        {
            bool wasOpen = IsOpen;
            _probing = false;
            switch (outcome)
            {
                case BreakerOutcome.Succeeded:
                    _consecutiveFailures = 0;
                    break;
                case BreakerOutcome.Failed:
                    _consecutiveFailures++;
                    if (IsOpen)
                    {
                        _openUntil = time.GetUtcNow() + options.OpenFor;
                    }

                    break;
            }

            opened = !wasOpen && IsOpen;
            closed = wasOpen && !IsOpen;
            failures = _consecutiveFailures;
        }

        if (opened)
        {
            LogOpened(failures, options.OpenFor.TotalMilliseconds);
        }
        else if (closed)
        {
            LogClosed();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis circuit opened after {Failures} failures in a row: decisions stop asking Redis, and a probe goes every {OpenForMilliseconds} ms")]
    private partial void LogOpened(int failures, double openForMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis circuit closed: a probe succeeded and decisions go to Redis again")]
    private partial void LogClosed();
}
