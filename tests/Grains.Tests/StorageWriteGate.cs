namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// Where a test holds a grain-storage write: once held, the next write waits at the gate until the test fails it.
/// Every other write passes straight through.
/// </summary>
public sealed class StorageWriteGate
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _armed;
    private TaskCompletionSource? _holding;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held write has arrived at the gate.</summary>
    public Task Reached
    {
        get
        {
            lock (_gate)
            {
                return _reached.Task;
            }
        }
    }

    public void Hold()
    {
        lock (_gate)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Fails the held write with <paramref name="failure"/>, as a storage that gave up would.</summary>
    public void Fail(Exception failure)
    {
        TaskCompletionSource holding;
        lock (_gate)
        {
            holding = _holding ?? throw new InvalidOperationException("No write is held.");
            _holding = null;
        }

        holding.SetException(failure);
    }

    internal Task Pass()
    {
        lock (_gate)
        {
            if (_armed is not { } armed)
            {
                return Task.CompletedTask;
            }

            _armed = null;
            _holding = armed;
            _reached.TrySetResult();
            return armed.Task;
        }
    }
}
