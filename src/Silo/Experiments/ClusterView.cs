using Microsoft.Extensions.Options;
using RateLimiterOrleans.Silo.Agents;
using RateLimiterOrleans.Silo.Hosting;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>Reads the whole cluster for the lab page: each silo's report, through its agent, and Redis.</summary>
public sealed class ClusterView(IGrainFactory grains, SiloDirectory silos, LabRedis redis, IOptions<LabOptions> lab, InstanceName instance, TimeProvider time)
{
    // Bounds a silo that froze or was killed and not yet declared dead, so the page keeps close to its one-second rhythm.
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    public async Task<ClusterResponse> ReadAsync()
    {
        var reports = Task.WhenAll(silos.Latest().Select(Read));
        var redisState = redis.ReadAsync();
        return new ClusterResponse(instance.Value, lab.Value.Chaos, await reports, await redisState);
    }

    private async Task<SiloState> Read(ClusterMember member)
    {
        switch (member.Status)
        {
            case SiloStatus.Created or SiloStatus.Joining:
                return SiloState.Silent(member, "starting", null);
            case SiloStatus.ShuttingDown or SiloStatus.Stopping:
                return SiloState.Silent(member, "stopping", null);
            case not SiloStatus.Active:
                return SiloState.Silent(member, "down", null);
        }

        // A call that fails fast may have failed on another silo: right after a silo dies, the agents whose directory
        // entries it held cannot be found until the others declare it dead. Only a silo silent for the whole bound is
        // down: killed and not yet declared dead, or frozen.
        var agent = grains.GetGrain<ISiloAgentGrain>(member.Name);
        long started = time.GetTimestamp();
        string? error = null;
        while (ReportTimeout - time.GetElapsedTime(started) is var left && left > TimeSpan.Zero)
        {
            try
            {
                return SiloState.Answered(member, await agent.Report().WaitAsync(left, time));
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                error = e.Message;
            }

            if (ReportTimeout - time.GetElapsedTime(started) <= RetryDelay)
            {
                break;
            }

            await Task.Delay(RetryDelay, time);
        }

        return SiloState.Silent(member, "down", error);
    }
}
