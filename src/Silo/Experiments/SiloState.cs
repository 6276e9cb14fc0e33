using RateLimiterOrleans.Silo.Agents;

namespace RateLimiterOrleans.Silo.Experiments;

/// <summary>
/// One silo as the lab page shows it. <see cref="Health"/> is <c>up</c> when the silo is an active member and
/// answers; <c>down</c> when it is dead or does not answer; <c>starting</c> or <c>stopping</c> in between.
/// <see cref="Membership"/> is Orleans' own view. The counters are totals since the silo started; the page
/// turns them into rates.
/// </summary>
public sealed record SiloState(
    string Name,
    string Health,
    string Membership,
    string Address,
    double? UptimeSeconds,
    long? Allowed,
    long? Rejected,
    long? RacesDetected,
    long? FailOpen,
    long? ClientGrains,
    long? LocalClientCount,
    bool? Chaos,
    string? Error)
{
    public static SiloState Answered(ClusterMember member, SiloReport report) => new(
        member.Name, "up", MembershipOf(member), member.SiloAddress.Endpoint.ToString(), Math.Round(report.Uptime.TotalSeconds, 1),
        report.Allowed, report.Rejected, report.RacesDetected, report.FailOpen, report.ClientGrains, report.LocalClientCount, report.Chaos, null);

    public static SiloState Silent(ClusterMember member, string health, string? error) => new(
        member.Name, health, MembershipOf(member), member.SiloAddress.Endpoint.ToString(), null, null, null, null, null, null, null, null, error);

    private static string MembershipOf(ClusterMember member) => member.Status.ToString().ToLowerInvariant();
}
