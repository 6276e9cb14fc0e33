namespace RateLimiterOrleans.Grains.Tests;

/// <summary>
/// Where a test holds grain-storage writes: once held, the next write waits at the gate until the test fails it.
/// Writes pass straight through otherwise.
/// </summary>
public sealed class StorageWriteGate
{
    private TaskCompletionSource? _held;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held write has arrived at the gate.</summary>
    public Task Reached => _reached.Task;

    public void Hold()
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Fails the held write with <paramref name="failure"/>, as a storage that gave up would, and opens the gate.</summary>
    public void Fail(Exception failure)
    {
        var held = _held ?? throw new InvalidOperationException("No write is held.");
        _held = null;
        held.SetException(failure);
    }

    internal Task Pass()
    {
        if (_held is not { } held)
        {
            return Task.CompletedTask;
        }

        _reached.TrySetResult();
        return held.Task;
    }
}
