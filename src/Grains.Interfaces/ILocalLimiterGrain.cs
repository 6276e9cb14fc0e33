namespace RateLimiterOrleans.Grains;

/// <summary>
/// <c>local</c>: a worker on the silo that took the request, for every client, deciding from that silo's count
/// alone. The counts are the silo's, so an activation per client would add only its own cost.
/// </summary>
public interface ILocalLimiterGrain : IGrainWithIntegerKey
{
    /// <summary>The one key: every silo gets its own activations of the same worker.</summary>
    const long Key = 0;

    /// <summary>Decides one request of <paramref name="client"/> that costs <paramref name="permits"/>, from 1 to the client's limit.</summary>
    Task<Decision> Decide(string client, int permits);
}
