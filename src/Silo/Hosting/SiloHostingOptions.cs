namespace RateLimiterOrleans.Silo.Hosting;

/// <summary>
/// How this silo joins its cluster (section <c>Orleans</c>). Everything a silo on another host needs is
/// here, so silos on different machines join by configuration alone.
/// </summary>
public sealed record SiloHostingOptions
{
    public const string SectionName = "Orleans";

    public string ClusterId { get; set; } = "ratelimiter-lab";

    public string ServiceId { get; set; } = "ratelimiter";

    /// <summary>The address other silos use to reach this one. Loopback suits one machine only.</summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The port Orleans clients connect to. Unset means no gateway: it accepts any client that reaches it,
    /// without authentication, so it is opened only on request (<c>./lab up</c> opens it on loopback).
    /// </summary>
    public int? GatewayPort { get; set; }

    /// <summary>Listen on every interface (containers, several hosts) while advertising <see cref="AdvertisedIP"/>.</summary>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// The Redis that holds cluster membership and the stored configuration; empty means the limiter's own
    /// Redis. A separate one keeps per-client counters from filling the server membership lives on.
    /// </summary>
    public string? ClusteringRedis { get; set; }

    /// <summary>
    /// How long a grain call waits for its answer (Orleans' default is 30 s). It must end before the HTTP
    /// request timeout, which ends before nginx's, so a silent silo costs a caller seconds, not half a minute.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Serve the Orleans dashboard at <c>/dashboard</c>. Off unless asked for: it profiles every grain call and
    /// keeps sampling every silo's counters whether anyone watches or not, which after a burst of clients was a
    /// fifth of what three idle silos cost (docs/performance.md). The lab page is the lab's view of the cluster;
    /// <c>./lab up --observability</c> and docker compose turn the dashboard on.
    /// </summary>
    public bool Dashboard { get; set; }
}
