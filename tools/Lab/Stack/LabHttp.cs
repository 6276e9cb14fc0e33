using System.Net.Http.Json;

namespace RateLimiterOrleans.Lab.Stack;

/// <summary>The lab's own HTTP client for its admin API: it sends the admin token a user exported for <c>./lab up</c>.</summary>
public static class LabHttp
{
    public static HttpClient Create()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        if (Environment.GetEnvironmentVariable("RATELIMITER_ADMIN_TOKEN") is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Add("X-Admin-Token", token);
        }

        return http;
    }

    /// <summary>Leaves the lab as the seed's exercises expect to find it.</summary>
    public static async Task RestoreSeedConfigAsync(HttpClient http, StackPorts ports)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(ports);
        using var response = await http.PostAsJsonAsync($"http://127.0.0.1:{ports.Nginx}/admin/config",
            new Dictionary<string, object> { ["mode"] = "redis_atomic", ["algorithm"] = "sliding_window", ["rate_limit"] = 100, ["window_size_seconds"] = 60, ["fail_open"] = true });
        response.EnsureSuccessStatusCode();
    }
}
