using System.Reflection;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore.Tests;

/// <summary>A cluster that takes every decision and never answers: a gateway gone quiet.</summary>
public class SilentCluster : DispatchProxy
{
    public static IGrainFactory Create() => Create<IGrainFactory, SilentCluster>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IGrainFactory.GetGrain) && targetMethod.ReturnType == typeof(IDecisionEntryGrain)
            ? new SilentEntry()
            : throw new NotSupportedException(targetMethod?.Name);

    private sealed class SilentEntry : IDecisionEntryGrain
    {
        public Task<Decision> Decide(string client, int permits) => new TaskCompletionSource<Decision>().Task;
    }
}
