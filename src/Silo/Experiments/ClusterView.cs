using Microsoft.Extensions.Options;
using RateLimiterOrleans.Silo.Agents;
using RateLimiterOrleans.Silo.Hosting;
using RateLimiterOrleans.Silo.Http;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>Reads the whole cluster for the lab page: each silo's report, through its agent, and Redis.</summary>
public sealed class ClusterView(IGrainFactory grains, SiloDirectory silos, LabRedis redis, IOptions<LabOptions> lab, InstanceName instance, TimeProvider time)
{
    // A killed silo refuses at once; this only bounds one that froze, so the page keeps its one-second rhythm.
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(2);

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

        try
        {
            var report = await grains.GetGrain<ISiloAgentGrain>(member.Name).Report().WaitAsync(ReportTimeout, time);
            return SiloState.Answered(member, report);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // Still a member, but not answering: killed and not yet declared dead, or frozen.
            return SiloState.Silent(member, "down", e.Message);
        }
    }
}
