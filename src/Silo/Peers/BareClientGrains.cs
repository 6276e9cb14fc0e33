namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// How many <see cref="BareClientGrain"/>s are active on this silo: <c>./lab bench</c> waits for them to go, as for
/// the limiter's client grains, so that their deactivation is not measured as the next row's work.
/// </summary>
public sealed class BareClientGrains
{
    private long _active;

    public long Active => Interlocked.Read(ref _active);

    internal void Activated() => Interlocked.Increment(ref _active);

    internal void Deactivated() => Interlocked.Decrement(ref _active);
}
