using Orleans.Configuration;

namespace RateLimiterOrleans.Silo.Hosting;

/// <summary>
/// Membership timings for a lab where a silo is killed on purpose and should be replaced within about
/// five seconds. Orleans' defaults favour large clusters over quick failover (about 6 s after
/// <c>kill -9</c>, about 66 s for a frozen process).
/// </summary>
internal static class MembershipTuning
{
    public static void Apply(ClusterMembershipOptions options)
    {
        // A killed silo refuses connections, so each probe fails at once; a frozen one lets it time out.
        // Two seconds per probe, two misses to suspect: a dead silo is suspected within about 2-4 s.
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 2;
        // With three silos, the two survivors are exactly the two votes needed to declare the third dead.
        options.NumVotesForDeathDeclaration = 2;
        // Votes older than this are ignored: long enough for the second survivor's vote to meet the first's.
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        // Read the table often, so a silo that missed the gossip still learns of a death within seconds.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
