using System.Reflection;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore.Tests;

/// <summary>
/// A cluster that takes every decision and never answers (a gateway gone quiet), or one that cannot be reached at
/// all (every call fails at once, as with no gateway left).
/// </summary>
public class SilentCluster : DispatchProxy
{
    private Func<Task<Decision>> _answer = static () => new TaskCompletionSource<Decision>().Task;

    public static IGrainFactory Create() => Create<IGrainFactory, SilentCluster>();

    public static IGrainFactory Unreachable()
    {
        var factory = Create<IGrainFactory, SilentCluster>();
        ((SilentCluster)(object)factory)._answer = static () => Task.FromException<Decision>(new SiloUnavailableException());
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IGrainFactory.GetGrain) && targetMethod.ReturnType == typeof(IDecisionEntryGrain)
            ? new SilentEntry(_answer)
            : throw new NotSupportedException(targetMethod?.Name);

    private sealed class SilentEntry(Func<Task<Decision>> answer) : IDecisionEntryGrain
    {
        public Task<Decision> Decide(string client, int permits) => answer();
    }
}
