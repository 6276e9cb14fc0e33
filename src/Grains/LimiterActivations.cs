namespace RateLimiterOrleans.Grains;

/// <summary>How many in-memory limiter grains are active on this silo: what their memory cost scales with.</summary>
public sealed class LimiterActivations
{
    private long _client;
    private long _local;

    public long Client => Interlocked.Read(ref _client);

    public long Local => Interlocked.Read(ref _local);

    internal void Activated(RateLimitMode mode) => Interlocked.Increment(ref mode == RateLimitMode.Grain ? ref _client : ref _local);

    internal void Deactivated(RateLimitMode mode) => Interlocked.Decrement(ref mode == RateLimitMode.Grain ? ref _client : ref _local);
}
