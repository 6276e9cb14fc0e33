using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>
/// The cluster as a <see cref="PartitionedRateLimiter{HttpContext}"/> for <c>UseRateLimiter</c>: one
/// <see cref="ClusterRateLimiter"/> per key from <see cref="ClusterRateLimiterOptions.Key"/>, each request costing
/// <see cref="ClusterRateLimiterOptions.Cost"/> times the permits asked for (the middleware asks for one). The decision's
/// headers (<c>RateLimit-Policy</c>, <c>RateLimit</c>, <c>Retry-After</c>, <c>X-RateLimit-Shadow</c>) are set on the
/// response, as <c>/api/request</c> sets them. A key or cost the cluster would refuse gets a failed lease naming it
/// (<see cref="ClusterLeaseMetadata.InvalidField"/>), never an exception.
/// </summary>
public sealed class ClusterPartitionedRateLimiter : PartitionedRateLimiter<HttpContext>
{
    private readonly PartitionedRateLimiter<string> _keys;
    private readonly Func<HttpContext, string?> _key;
    private readonly Func<HttpContext, int> _cost;

    public ClusterPartitionedRateLimiter(IGrainFactory grains, ClusterRateLimiterOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        _key = options.Key ?? throw new ArgumentException($"{nameof(options.Key)} must be set.", nameof(options));
        _cost = options.Cost ?? throw new ArgumentException($"{nameof(options.Cost)} must be set.", nameof(options));
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<ClusterRateLimiter>();
        // The runtime's partitioned limiter keeps one limiter per key and drops those idle for a while.
        _keys = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.Get(key, k => new ClusterRateLimiter(grains, k, options, time, logger)));
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) =>
        ValidKey(resource) is { } key ? _keys.GetStatistics(key) : null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_key(resource) is null)
        {
            return ClusterLease.NotLimited;
        }

        return permitCount == 0 && ValidKey(resource) is { } key ? _keys.AttemptAcquire(key, 0) : ClusterLease.NotAttempted;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        string? key = _key(resource);
        if (key is null)
        {
            return ClusterLease.NotLimited;
        }

        if (ClientKey.Validate(key) is { } keyProblem)
        {
            return ClusterLease.Invalid("key", $"The rate-limit key {keyProblem}.");
        }

        int cost = _cost(resource);
        if (cost < 1 || (long)cost * permitCount > int.MaxValue)
        {
            return ClusterLease.Invalid("cost", $"The cost must be at least 1 and at most the limit, got {cost}.");
        }

        RateLimitLease lease;
        try
        {
            lease = await _keys.AcquireAsync(key, cost * permitCount, cancellationToken);
        }
        catch (ArgumentOutOfRangeException e)
        {
            return ClusterLease.Invalid("cost", e.Message);
        }

        if (lease is ClusterLease clusterLease && !resource.Response.HasStarted)
        {
            ClusterResponseHeaders.Apply(resource.Response, clusterLease);
        }

        return lease;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keys.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _keys.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private string? ValidKey(HttpContext resource) => _key(resource) is { } key && ClientKey.Validate(key) is null ? key : null;
}
