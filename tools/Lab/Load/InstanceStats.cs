using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// The races every instance has detected so far. Asked through the balancer, which round-robins, until
/// each instance has answered once, so it works for any target, native or in containers.
/// </summary>
public static class InstanceStats
{
    public static async Task<IReadOnlyDictionary<string, long>> RacesAsync(HttpClient http, Uri target)
    {
        var races = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int attempt = 0; attempt < 12; attempt++)
        {
            var stats = await http.GetFromJsonAsync<JsonObject>(new Uri(target, "/admin/stats"));
            string instance = stats?["instance"]?.ToString() ?? "unknown";
            if (!races.TryAdd(instance, stats?["races_detected"]?.GetValue<long>() ?? 0) && attempt >= 3)
            {
                break;
            }
        }

        return races;
    }

    /// <summary>The default tier's limits in force, as <c>/admin/config</c> reports them.</summary>
    public static async Task<(string Mode, int Limit, int WindowSeconds, bool TokenBucket)> ConfigAsync(HttpClient http, Uri target)
    {
        var config = await http.GetFromJsonAsync<JsonObject>(new Uri(target, "/admin/config"))
            ?? throw new InvalidOperationException("/admin/config answered nothing.");
        return (config["mode"]!.ToString(), config["rate_limit"]!.GetValue<int>(), config["window_size_seconds"]!.GetValue<int>(),
            config["algorithm"]?.ToString() == "token_bucket");
    }
}
