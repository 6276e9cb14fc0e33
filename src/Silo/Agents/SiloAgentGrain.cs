using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Hosting;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Agents;

/// <summary>
/// A silo's agent. Reentrant, so the decisions of a burst run as concurrently as HTTP requests to this silo
/// would, and race in <c>redis_naive</c> as they do there.
/// </summary>
[SiloNamePlacement, Reentrant]
public sealed partial class SiloAgentGrain(
    RateLimitDecider decider,
    SiloDecisionStats stats,
    LimiterActivations activations,
    LocalClientWindows localWindows,
    RecentGrainDecisions recent,
    InstanceName instance,
    IOptions<LabOptions> lab,
    TimeProvider time,
    ILogger<SiloAgentGrain> logger) : Grain, ISiloAgentGrain
{
    // Long enough for the answer, and the HTTP response that carries it, to leave this process first.
    private static readonly TimeSpan KillDelay = TimeSpan.FromMilliseconds(500);

    private static readonly DateTimeOffset ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        string name = this.GetPrimaryKeyString();
        return name == instance.Value
            ? Task.CompletedTask
            : throw new InvalidOperationException($"The agent of '{name}' was activated on '{instance.Value}'.");
    }

    // On the thread pool, as ASP.NET runs /api/request, rather than one turn at a time on this activation's
    // scheduler: a burst's decisions then share the silo's threads exactly as its HTTP requests would.
    public Task<Decision> Decide(string client) => Task.Run(() => decider.DecideAsync(client));

    public Task<SiloReport> Report()
    {
        var byMode = stats.DecisionsByMode().Values;
        return Task.FromResult(new SiloReport(
            instance.Value,
            time.GetUtcNow() - ProcessStarted,
            byMode.Sum(m => m["allowed"]),
            byMode.Sum(m => m["rejected"]),
            stats.RacesDetected,
            stats.FailOpenAnswers,
            activations.Client,
            localWindows.Count,
            lab.Value.Chaos));
    }

    public Task<IReadOnlyList<RecentDecision>> RecentGrainDecisions(string client) =>
        Task.FromResult<IReadOnlyList<RecentDecision>>(recent.For(client)
            .Select(d => new RecentDecision(instance.Value, d.Decision.DecidedBy, d.Decision.Allowed, d.At))
            .ToList());

    public Task<bool> Kill()
    {
        if (!lab.Value.Chaos)
        {
            return Task.FromResult(false);
        }

        LogKilling(instance.Value);
        _ = Task.Run(async () =>
        {
            await Task.Delay(KillDelay, time);
            // SIGKILL on Linux: no shutdown, no leaving the cluster, exactly as kill -9.
            Process.GetCurrentProcess().Kill();
        });
        return Task.FromResult(true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lab asked {Instance} to die: killing this process as kill -9 would")]
    private partial void LogKilling(string instance);
}
