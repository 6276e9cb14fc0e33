namespace RateLimiterOrleans.Grains;

/// <summary>What a Redis-mode request gets while Redis is unreachable (connection lost or refused, command timed out, circuit open).</summary>
[GenerateSerializer]
public enum FailMode
{
    /// <summary>Allowed and marked, uncounted: the seed's <c>fail_open: true</c>. Over-admission is unbounded for the outage.</summary>
    Open,

    /// <summary>Refused with 503 and <c>Retry-After</c>: the seed's <c>fail_open: false</c>. Nothing is admitted.</summary>
    Closed,

    /// <summary>Each silo counts in memory with ceil(limit / live silos) per client, so the outage over-admits by a bounded amount.</summary>
    Local,
}
