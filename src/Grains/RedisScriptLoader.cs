using RateLimiterOrleans.Stores;
using StackExchange.Redis;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Connects the decisions' Redis connection and loads the Lua scripts while the silo starts, before it takes
/// requests, so the first burst runs the scripts by their hash instead of sending their text with every call.
/// </summary>
internal sealed class RedisScriptLoader(IConnectionMultiplexer redis) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RedisScriptLoader), ServiceLifecycleStage.ApplicationServices, _ => LuaScripts.KeepLoadedAsync(redis));
}
