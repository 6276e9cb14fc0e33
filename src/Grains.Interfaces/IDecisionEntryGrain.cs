namespace RateLimiterOrleans.Grains;

/// <summary>
/// The way in for an app that asks the cluster instead of serving <c>/api/request</c>: co-hosted, or as an Orleans
/// client through a gateway. A worker on the silo the call reaches decides through that silo's entry point, the one
/// <c>/api/request</c> uses, so every mode, algorithm, tier and shadow setting applies, and the decision is counted in
/// that silo's metrics.
/// </summary>
public interface IDecisionEntryGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo gets its own activations of the same worker.</summary>
    const long Key = 0;

    /// <param name="client">A <see cref="ClientId"/> value: <c>key:…</c> or <c>ip:…</c>.</param>
    /// <param name="permits">What the request costs, from 1 to the client's limit.</param>
    /// <exception cref="ArgumentException"><paramref name="client"/> is not a valid client id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permits"/> is below 1 or above the client's limit.</exception>
    Task<Decision> Decide(string client, int permits);
}
