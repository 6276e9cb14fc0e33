using Orleans.Runtime;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// The <c>local</c> failure policy: while Redis cannot decide, each silo counts every client in memory with
/// ceil(limit / live silos). Through a balancer that spreads a client over n silos, the cluster then admits about the
/// limit; at worst, a client that reaches every silo gets n × ceil(limit / n), and what Redis already counted in the
/// window is not known here, so an outage over-admits by at most about one limit per window. The counts are dropped
/// when Redis answers again, so what this silo saw during the outage is not counted twice.
/// </summary>
public sealed class RedisOutageFallback(IClusterMembershipService membership, DecisionFactory decisions, TimeProvider time)
{
    private readonly LocalClientWindows _windows = new(time);

    public Decision Decide(RateLimitMode mode, string client, ConfigSnapshot snapshot, ClientPolicy policy, int permits)
    {
        var share = policy.ShareFor(LiveSilos());
        var verdict = _windows.Decide(client, snapshot, share, permits);
        return decisions.Create(verdict, mode, share, basis: DecisionBasis.LocalFallback);
    }

    /// <summary>Redis answered again: from now on its count decides, and this silo's outage counts are forgotten.</summary>
    public void RedisRecovered() => _windows.Clear();

    private int LiveSilos() => Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active));
}
