using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Agents;

/// <summary>
/// One silo's agent, keyed by the silo's instance name (<c>api-2</c>) and always activated on that silo. The
/// lab's experiments reach a chosen silo through it, as an HTTP request to that silo would.
/// </summary>
public interface ISiloAgentGrain : IGrainWithStringKey
{
    /// <summary>Decides one request for <paramref name="client"/> on this silo, as its <c>/api/request</c> does.</summary>
    Task<Decision> Decide(string client);

    /// <summary>This silo's counters, uptime and settings.</summary>
    Task<SiloReport> Report();

    /// <summary>The <c>grain</c>-mode decisions this silo recently took requests for, for one client, newest first.</summary>
    Task<IReadOnlyList<RecentDecision>> RecentGrainDecisions(string client);

    /// <summary>
    /// Ends this silo's process moments after answering, as <c>kill -9</c> would, when its lab settings allow
    /// chaos; answers false otherwise.
    /// </summary>
    Task<bool> Kill();
}
