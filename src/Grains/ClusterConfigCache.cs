using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// This silo's copy of the cluster-wide configuration. A background loop long-polls the config grain,
/// so a change anywhere reaches every silo as soon as it is saved; after a failure (the config grain's
/// silo died, Redis blinked) the loop simply asks again.
/// </summary>
public sealed partial class ClusterConfigCache(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IOptions<RateLimiterOptions> options,
    TimeProvider time,
    ILogger<ClusterConfigCache> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _publishing = new();
    private volatile ConfigSnapshot? _current;
    private long _lastHeard;
    private Task _refresh = Task.CompletedTask;

    public bool IsReady => _current is not null;

    /// <summary>
    /// Time since this silo last heard from the config grain (a long poll answered, or a change it made),
    /// null before the first time. An idle poll answers every 10 s; much longer means this copy may be stale.
    /// </summary>
    public TimeSpan? Age => Interlocked.Read(ref _lastHeard) is var heard and not 0 ? time.GetElapsedTime(heard) : null;

    /// <summary>The configuration in force; only valid once <see cref="WhenReady"/> has completed.</summary>
    public ConfigSnapshot Current => _current ?? throw new InvalidOperationException("The cluster configuration has not been loaded yet.");

    /// <summary>Completes with this silo's first copy, or fails after <see cref="RateLimiterOptions.ConfigReadyTimeout"/>.</summary>
    public async ValueTask<ConfigSnapshot> WhenReady()
    {
        if (_current is { } current)
        {
            return current;
        }

        await _ready.Task.WaitAsync(options.Value.ConfigReadyTimeout, time);
        return _current!;
    }

    /// <summary>Takes a copy this silo just received as the answer to its own change, so it reads its own writes.</summary>
    public void Offer(ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Heard();
        lock (_publishing)
        {
            if (ConfigSuccession.TakesOwnChange(_current?.Config.Version, config.Version))
            {
                Publish(config);
            }
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClusterConfigCache), ServiceLifecycleStage.Active, OnStart, OnStop);

    public void Dispose() => _stopping.Dispose();

    private Task OnStart(CancellationToken cancellationToken)
    {
        _refresh = Task.Run(RefreshUntilStopped, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RefreshUntilStopped()
    {
        var configGrain = grains.GetGrain<IConfigGrain>(IConfigGrain.ClusterKey);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                long asked = _current?.Config.Version ?? 0;
                var latest = await configGrain.WaitForChange(asked, silo.SiloAddress.ToParsableString()).WaitAsync(_stopping.Token);
                Heard();
                TakeAnswer(latest, asked);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRefreshFailed(e);
                await Task.Delay(RetryDelay, time, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void TakeAnswer(ClusterConfig latest, long asked)
    {
        lock (_publishing)
        {
            if (ConfigSuccession.TakesAnswer(_current?.Config.Version, asked, latest.Version))
            {
                Publish(latest);
            }
        }
    }

    private void Heard() => Interlocked.Exchange(ref _lastHeard, time.GetTimestamp());

    private void Publish(ClusterConfig config)
    {
        _current = new ConfigSnapshot(config);
        _ready.TrySetResult();
        LogConfigApplied(config.Version, config.Mode.ToName(), config.RateLimit, config.WindowSizeSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the cluster configuration failed; retrying")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration v{Version} in force: mode {Mode}, {RateLimit} per {WindowSizeSeconds} s")]
    private partial void LogConfigApplied(long version, string mode, int rateLimit, int windowSizeSeconds);
}
