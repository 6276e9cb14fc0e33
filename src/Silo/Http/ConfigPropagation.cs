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

    public static async Task Mark(IConfigGrain configGrain, long version, HttpResponse response)
    {
        bool everywhere;
        try
        {
            everywhere = await configGrain.EverySiloHolds(version, TimeSpan.Zero);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // The change itself succeeded; only whether the others hold it is unknown.
            everywhere = false;
        }

        response.Headers[Header] = everywhere ? "true" : "false";
    }
}
