using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The <c>X-Config-Propagated</c> header of every configuration change: <c>true</c> when every live silo held the
/// change as it answered, <c>false</c> when one had not taken it yet (a loaded cluster, or a silo that just died).
/// The change is saved either way and reaches the rest by itself; a caller that needs it everywhere before its next
/// request waits until each instance's <c>GET /admin/config</c> shows the new version.
/// </summary>
internal static class ConfigPropagation
{
    public const string Header = "X-Config-Propagated";

    // A push takes milliseconds on a quiet cluster; on a loaded one, or when a silo has just died, the answer comes
    // after this bound. With the change's own call (one Redis write) it fits the request's 3 s timeout, short of a
    // write that takes most of the cluster's 2 s response timeout, which gets the request timeout's 503.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    public static async Task Mark(IConfigGrain configGrain, long version, HttpResponse response)
    {
        bool everywhere;
        try
        {
            everywhere = await configGrain.EverySiloHolds(version, Bound);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // The change itself succeeded; only whether the others hold it is unknown.
            everywhere = false;
        }

        response.Headers[Header] = everywhere ? "true" : "false";
    }
}
