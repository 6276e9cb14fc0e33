using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RateLimiterOrleans.Lab.Load;

/// <summary>What the instances behind the target report about themselves.</summary>
public static class InstanceStats
{
    /// <summary>The default tier's limits in force, as <c>/admin/config</c> reports them.</summary>
    public static async Task<(string Mode, int Limit, int WindowSeconds, bool TokenBucket)> ConfigAsync(HttpClient http, Uri target)
    {
        var config = await http.GetFromJsonAsync<JsonObject>(new Uri(target, "/admin/config"))
            ?? throw new InvalidOperationException("/admin/config answered nothing.");
        return (config["mode"]!.ToString(), config["rate_limit"]!.GetValue<int>(), config["window_size_seconds"]!.GetValue<int>(),
            config["algorithm"]?.ToString() == "token_bucket");
    }
}
