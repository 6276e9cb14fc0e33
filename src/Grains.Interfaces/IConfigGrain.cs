using Orleans.Concurrency;

namespace RateLimiterOrleans.Grains;

/// <summary>The single owner of the cluster-wide configuration. Use key <see cref="ClusterKey"/>.</summary>
public interface IConfigGrain : IGrainWithStringKey
{
    const string ClusterKey = "cluster";

    Task<ClusterConfig> Get();

    // Changes and resets answer once Redis holds them, without waiting for the silos: the wait would hold this
    // non-reentrant grain and count against the cluster's 2 s response timeout. A caller that needs the change
    // everywhere asks EverySiloHolds, which interleaves and has a timeout of its own.

    /// <summary>Applies a patch, or refuses it whole with the field at fault.</summary>
    Task<ConfigChange> Update(ConfigPatch patch);

    /// <summary>Creates a tier or changes some of its limits.</summary>
    Task<ConfigChange> PutTier(string name, TierPatch patch);

    /// <summary>Removes a tier that no API key is assigned to.</summary>
    Task<ConfigChange> DeleteTier(string name);

    /// <summary>Puts an API key in a tier.</summary>
    Task<ConfigChange> Assign(string apiKey, string tier);

    /// <summary>Returns an API key to the default tier.</summary>
    Task<ConfigChange> Unassign(string apiKey);

    /// <summary>Forgets every client's count, in every mode.</summary>
    Task<ClusterConfig> ResetAll();

    /// <summary>
    /// Forgets one client's count, in every mode; <paramref name="client"/> is a <see cref="ClientId"/> value.
    /// Refused (conflict) when <see cref="ClusterConfig.ClientResets"/> is full.
    /// </summary>
    Task<ConfigChange> ResetClient(string client);

    /// <summary>
    /// Whether every live silo's cache holds <paramref name="version"/> or newer, waiting up to
    /// <paramref name="within"/> (at most 10 s) for the last of them.
    /// </summary>
    [AlwaysInterleave]
    [ResponseTimeout("00:00:15")]
    Task<bool> EverySiloHolds(long version, TimeSpan within);

    /// <summary>
    /// Answers as soon as the version differs from <paramref name="knownVersion"/>, or after a while with
    /// the unchanged configuration: a long poll through which every silo's cache is pushed changes.
    /// Each call also tells the grain which version <paramref name="silo"/> holds, so a change can wait
    /// until every silo has it.
    /// </summary>
    /// <remarks>
    /// A long poll outlasts the cluster's short response timeout (<c>Orleans:ResponseTimeout</c>, 2 s), so it
    /// has its own: the grain answers within 10 s, and a poll to a frozen silo is given up after 15.
    /// </remarks>
    [AlwaysInterleave]
    [ResponseTimeout("00:00:15")]
    Task<ClusterConfig> WaitForChange(long knownVersion, string silo);
}
