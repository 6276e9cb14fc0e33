using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// The entry point on each silo: sends a request to the limiter of the mode in force, and counts, times and traces
/// the outcome here, on the silo that took the request. At most <see cref="RateLimiterOptions.MaxDecisionsInFlight"/>
/// decisions run at once; a few more wait their turn, and the rest are refused as overloaded, never admitted
/// uncounted.
/// </summary>
public sealed class RateLimitDecider : IDisposable
{
    private readonly ClientGrainReferences<IClientLimiterGrain> _clientLimiters;
    private readonly ILocalLimiterGrain _localLimiter;
    private readonly IRedisLimiterGrain _redisLimiter;
    private readonly ClusterConfigCache _config;
    private readonly SiloDecisionStats _stats;
    private readonly RecentGrainDecisions _recentGrainDecisions;
    private readonly RateLimiterMetrics _metrics;
    private readonly DecisionFactory _decisions;
    private readonly TimeProvider _time;
    private readonly ConcurrencyLimiter _inFlight;

    public RateLimitDecider(
        IGrainFactory grains,
        ClusterConfigCache config,
        SiloDecisionStats stats,
        RecentGrainDecisions recentGrainDecisions,
        RateLimiterMetrics metrics,
        DecisionFactory decisions,
        IOptions<RateLimiterOptions> options,
        TimeProvider time)
    {
        _clientLimiters = new ClientGrainReferences<IClientLimiterGrain>(grains);
        _localLimiter = grains.GetGrain<ILocalLimiterGrain>(ILocalLimiterGrain.Key);
        _redisLimiter = grains.GetGrain<IRedisLimiterGrain>(IRedisLimiterGrain.Key);
        _config = config;
        _stats = stats;
        _recentGrainDecisions = recentGrainDecisions;
        _metrics = metrics;
        _decisions = decisions;
        _time = time;
        _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxDecisionsInFlight,
            QueueLimit = options.Value.DecisionQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <param name="client">A key that <see cref="ClientKey.Validate"/> accepted.</param>
    /// <param name="permits">What the request costs, from 1 to the client's limit.</param>
    public async Task<Decision> DecideAsync(string client, int permits = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        var snapshot = await _config.WhenReady();
        var mode = snapshot.Config.Mode;
        using var activity = RateLimiterTelemetry.Source.StartActivity("ratelimit.decide");
        activity?.SetTag("ratelimit.mode", mode.ToName());
        activity?.SetTag("ratelimit.client_digest", RateLimiterTelemetry.ClientDigest(client));

        long started = _time.GetTimestamp();
        using var lease = await _inFlight.AcquireAsync(1, cancellationToken);
        var decision = lease.IsAcquired
            ? await Decide(mode, client, permits)
            : _decisions.Uncounted(mode, snapshot.PolicyFor(client), DecisionBasis.Overloaded);
        _metrics.Decided(decision, _time.GetElapsedTime(started));
        _stats.Record(decision);
        _recentGrainDecisions.Record(client, decision);
        if (decision.Basis != DecisionBasis.Count)
        {
            activity?.SetStatus(ActivityStatusCode.Error, decision.Basis.ToString());
        }

        activity?.SetTag("ratelimit.algorithm", decision.Algorithm.ToName());
        activity?.SetTag("ratelimit.tier", decision.Tier);
        activity?.SetTag("ratelimit.result", RateLimiterMetrics.ResultOf(decision));
        activity?.SetTag("ratelimit.decided_by", decision.DecidedBy);
        return decision;
    }

    public void Dispose() => _inFlight.Dispose();

    private Task<Decision> Decide(RateLimitMode mode, string client, int permits) => mode switch
    {
        RateLimitMode.Local => _localLimiter.Decide(client, permits),
        RateLimitMode.Grain => _clientLimiters.For(client).Decide(permits),
        _ => _redisLimiter.Decide(mode, client, permits),
    };
}
