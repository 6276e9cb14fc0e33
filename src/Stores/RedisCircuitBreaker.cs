namespace RateLimiterOrleans.Stores;

/// <summary>
/// Stops sending decisions to a Redis that keeps failing, so an outage costs each request nothing instead
/// of a timeout. After <see cref="RedisStoreOptions.OpenFor"/> one request is let through as a probe; its
/// success closes the circuit, its failure opens it again. Thread-safe; one per silo.
/// </summary>
public sealed class RedisCircuitBreaker(RedisStoreOptions options, TimeProvider time)
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
                return _consecutiveFailures < options.FailuresToOpen ? CircuitState.Closed
                    : time.GetUtcNow() < _openUntil || _probing ? CircuitState.Open
                    : CircuitState.HalfOpen;
            }
        }
    }

    /// <summary>Whether this call may go to Redis: always when closed, once per period when open.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_consecutiveFailures < options.FailuresToOpen)
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

    public void Succeeded()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _probing = false;
        }
    }

    public void Failed()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            _probing = false;
            if (_consecutiveFailures >= options.FailuresToOpen)
            {
                _openUntil = time.GetUtcNow() + options.OpenFor;
            }
        }
    }
}
