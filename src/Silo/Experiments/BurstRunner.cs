using RateLimiterOrleans.Grains;
using RateLimiterOrleans.Silo.Agents;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// Sends a burst of decisions for one client over the active silos, request <c>i</c> to silo <c>i mod n</c>
/// as nginx's round-robin would, each decided there exactly as that silo's <c>/api/request</c> decides it.
/// </summary>
/// <remarks>
/// Each silo first decides once for <see cref="WarmUpClient"/>, and again while Redis does not answer (for at
/// most <see cref="WarmUpDeadline"/>): its path is then compiled, the script loaded, and a circuit breaker that
/// earlier overload opened is closed again if Redis is back. The burst measures the mode, not a cold start;
/// a Redis that stays unreachable still shows in it.
/// </remarks>
public sealed class BurstRunner(IGrainFactory grains, SiloDirectory silos, ClusterConfigCache config, InstanceName instance, TimeProvider time)
{
    // A decision normally takes milliseconds; this only bounds one sent to a silo that froze.
    private static readonly TimeSpan DecisionTimeout = TimeSpan.FromSeconds(5);

    public const string WarmUpClient = "lab-warm-up";

    private static readonly TimeSpan WarmUpDeadline = TimeSpan.FromSeconds(2);

    // Redis' circuit breaker lets a probe through every 500 ms.
    private static readonly TimeSpan WarmUpRetry = TimeSpan.FromMilliseconds(250);

    public async Task<BurstResult> RunAsync(BurstRequest burst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(burst);
        var snapshot = await config.WhenReady();
        // The burst's client is an API key, counted exactly as GET /api/request with X-API-Key counts it.
        string client = ClientId.ForApiKey(burst.Client).Value;
        var policy = snapshot.PolicyFor(client);
        var targets = silos.Active().Select(m => m.Name).ToList();
        if (targets.Count == 0)
        {
            throw new SiloUnavailableException("No silo is an active member of the cluster.");
        }

        await WarmUpAsync(targets, cancellationToken);
        var tally = new BurstTally();
        long next = -1;
        long started = time.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(burst.Concurrency, burst.Requests)).Select(async _ =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < burst.Requests)
            {
                await Send(targets[(int)(i % targets.Count)], client, tally, cancellationToken);
            }
        }));
        var elapsed = time.GetElapsedTime(started);

        long limitAllows = policy.MostAdmittedIn(elapsed);
        var byInstance = tally.ByInstance();
        long admitted = byInstance.Values.Sum(t => t.Admitted);
        return new BurstResult(
            instance.Value,
            burst.Client,
            snapshot.Config.Mode.ToName(),
            policy.Algorithm.ToName(),
            policy.Tier,
            policy.Limits.RateLimit,
            policy.Limits.WindowSizeSeconds,
            burst.Requests,
            burst.Concurrency,
            Math.Round(elapsed.TotalSeconds, 3),
            admitted,
            byInstance.Values.Sum(t => t.Rejected),
            byInstance.Values.Sum(t => t.Unavailable),
            byInstance.Values.Sum(t => t.Errors),
            limitAllows,
            Math.Max(0, admitted - limitAllows),
            tally.Races,
            tally.FailOpen,
            byInstance,
            tally.DecidedBy(),
            tally.Latency());
    }

    private async Task WarmUpAsync(IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        await Task.WhenAll(targets.Select(async silo =>
        {
            var agent = grains.GetGrain<ISiloAgentGrain>(silo);
            long started = time.GetTimestamp();
            try
            {
                while ((await agent.Decide(WarmUpClient).WaitAsync(DecisionTimeout, time, cancellationToken)).BackendUnavailable
                    && time.GetElapsedTime(started) < WarmUpDeadline)
                {
                    await Task.Delay(WarmUpRetry, time, cancellationToken);
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // A silo that died since it was last seen active: the burst will count its requests as unanswered.
            }
        }));
    }

    private async Task Send(string silo, string client, BurstTally tally, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        try
        {
            var decision = await grains.GetGrain<ISiloAgentGrain>(silo).Decide(client).WaitAsync(DecisionTimeout, time, cancellationToken);
            tally.Decided(silo, decision, time.GetElapsedTime(started));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The silo died or froze: the request got no decision, as an HTTP request to it would get none.
            tally.Failed(silo);
        }
    }
}
