namespace RateLimiterOrleans.Grains;

/// <summary>
/// The last <c>grain</c>-mode decisions this silo took requests for. Each names the silo whose activation
/// decided, so the lab can show requests arriving everywhere and being decided in one place. A fixed ring:
/// a burst of any size costs no more memory than its last <see cref="Capacity"/> decisions.
/// </summary>
public sealed class RecentGrainDecisions(TimeProvider time)
{
    public const int Capacity = 1024;

    private readonly ClientDecision?[] _ring = new ClientDecision?[Capacity];
    private long _written = -1;

    internal void Record(string client, Decision decision)
    {
        if (decision.Mode != RateLimitMode.Grain)
        {
            return;
        }

        long slot = Interlocked.Increment(ref _written) % Capacity;
        Volatile.Write(ref _ring[slot], new ClientDecision(client, decision, time.GetUtcNow()));
    }

    /// <summary>This silo's recent grain-mode decisions for one client, newest first.</summary>
    public IReadOnlyList<ClientDecision> For(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return _ring.OfType<ClientDecision>().Where(d => d.Client == client).OrderByDescending(d => d.At).ToList();
    }
}
