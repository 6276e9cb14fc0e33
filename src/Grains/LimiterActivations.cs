namespace RateLimiterOrleans.Grains;

/// <summary>How many <c>grain</c>-mode client grains are active on this silo: what their memory cost scales with.</summary>
public sealed class LimiterActivations
{
    private long _client;

    public long Client => Interlocked.Read(ref _client);

    internal void Activated() => Interlocked.Increment(ref _client);

    internal void Deactivated() => Interlocked.Decrement(ref _client);
}
