using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>A silo's grain storage whose writes go through a <see cref="StorageWriteGate"/> first.</summary>
internal sealed class HeldGrainStorage(IGrainStorage storage, StorageWriteGate gate) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    /// <summary>Wraps the storage provider registered under <paramref name="name"/>, which has to be registered already.</summary>
    public static void Replace(IServiceCollection services, string name, StorageWriteGate gate)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name));
        var build = registered.KeyedImplementationFactory!;
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => new HeldGrainStorage((IGrainStorage)build(provider, key), gate));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => storage.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await gate.Pass();
        await storage.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => storage.ClearStateAsync(stateName, grainId, grainState);

    // The Redis provider connects in the silo's lifecycle; it is registered as the participant under this wrapper.
    public void Participate(ISiloLifecycle lifecycle) => (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    // The container disposes what it built, which is this wrapper: the Redis provider's own connection goes with it.
    public ValueTask DisposeAsync() => storage is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose() => (storage as IDisposable)?.Dispose();
}
