using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// One key's limiter, decided by the cluster through <see cref="IDecisionEntryGrain"/>: the same entry point, modes,
/// tiers and counts as <c>/api/request</c>. <c>permitCount</c> is the request's cost. Only
/// <see cref="RateLimiter.AcquireAsync"/> asks the cluster; nothing waits in a queue here, the cluster decides at once.
/// </summary>
/// <remarks>
/// <see cref="RateLimiter.AttemptAcquire"/> never blocks a thread on the network: for one permit or more it returns a
/// failed lease without asking, so callers go on to <c>AcquireAsync</c> (the ASP.NET Core middleware does). A
/// <c>permitCount</c> of zero asks whether permits are left and is answered from the last decision, as are
/// <see cref="GetStatistics"/>: the cluster's view of this key when it last decided for this limiter.
/// </remarks>
public sealed class ClusterRateLimiter : RateLimiter
{
    private readonly IDecisionEntryGrain _entry;
    private readonly string _client;
    private readonly ClusterRateLimiterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Decision? _last;
    private long _successful;
    private long _failed;
    private long _lastUsed;
    private int _inFlight;

    /// <param name="grains">The cluster: a co-hosted silo's grain factory, or an Orleans client.</param>
    /// <param name="key">Who the requests count against; 1 to 256 printable characters, known to the cluster as an API key.</param>
    public ClusterRateLimiter(IGrainFactory grains, string key, ClusterRateLimiterOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        if (ClientKey.Validate(key) is { } problem)
        {
            throw new ArgumentException($"The key {problem}.", nameof(key));
        }

        Key = key;
        _client = ClientId.ForApiKey(key).Value;
        _entry = grains.GetGrain<IDecisionEntryGrain>(IDecisionEntryGrain.Key);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _lastUsed = _time.GetTimestamp();
    }

    public string Key { get; }

    public override TimeSpan? IdleDuration => Volatile.Read(ref _inFlight) > 0 ? null : _time.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = Volatile.Read(ref _last)?.Remaining ?? 0,
        CurrentQueuedCount = 0,
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = Interlocked.Read(ref _failed),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        permitCount == 0 ? Probe() : ClusterLease.NotAttempted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return Probe();
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            var lease = await Decide(permitCount, cancellationToken);
            Interlocked.Increment(ref lease.IsAcquired ? ref _successful : ref _failed);
            return lease;
        }
        finally
        {
            Volatile.Write(ref _lastUsed, _time.GetTimestamp());
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<ClusterLease> Decide(int permits, CancellationToken cancellationToken)
    {
        try
        {
            var decision = await _entry.Decide(_client, permits).WaitAsync(_options.DecisionTimeout, _time, cancellationToken);
            Volatile.Write(ref _last, decision);
            return ClusterLease.From(decision);
        }
        catch (Exception e) when (e is not ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            // A cost above the limit is the caller's error (ArgumentOutOfRangeException, as RateLimiter's contract
            // says) and a cancelled wait is the caller's choice. A timeout says the cluster is slow, not gone: the
            // decision may still be counted, so it is never admitted uncounted. Only a cluster that cannot be reached
            // gets the configured policy.
            var policy = e is TimeoutException ? ClusterUnavailablePolicy.Refuse : _options.WhenClusterUnavailable;
            var lease = ClusterLease.Unavailable(policy);
            ClusterRateLimiterLog.ClusterUnavailable(_logger, e.GetType().Name, lease.IsAcquired ? "admitted" : "refused", e);
            return lease;
        }
    }

    private ClusterLease Probe() =>
        Volatile.Read(ref _last) is { Remaining: 0 } ? ClusterLease.NotAttempted : ClusterLease.NotLimited;
}
