using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>What the seed's curl commands do, as a test client: through nginx or straight to one instance.</summary>
public sealed class LabClient(StackPorts ports, string? adminToken = null) : IDisposable
{
    /// <summary>The whole configuration the seed's lab starts with, every field named.</summary>
    public const string SeedConfiguration =
        """{"mode": "redis_atomic", "algorithm": "sliding_window", "rate_limit": 100, "window_size_seconds": 60, "fail_open": true, "shadow": false}""";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public StackPorts Ports => ports;

    public string Nginx => $"http://127.0.0.1:{ports.Nginx}";

    public string Api(int index) => $"http://127.0.0.1:{ports.Api[index]}";

    public async Task<Reply> Request(string? apiKey, string? baseUrl = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl ?? Nginx}/api/request");
        if (apiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("X-API-Key", apiKey);
        }

        return await Send(message);
    }

    public async Task<Reply> PostConfig(string body, string baseUrl, string contentType = "application/json")
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/admin/config")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        return await Send(message);
    }

    /// <summary>The seed's loop: the same config posted to each instance directly.</summary>
    public async Task ConfigureEveryInstance(string body)
    {
        for (int i = 0; i < StackPorts.Silos; i++)
        {
            var reply = await PostConfig(body, Api(i));
            Assert.True(reply.Status == HttpStatusCode.OK, $"POST /admin/config to api-{i + 1}: {reply.Status} {reply.Text}");
        }
    }

    /// <summary>Posts the configuration to every instance, again while the cluster answers 503, until <paramref name="deadline"/>.</summary>
    public async Task UntilConfigured(string body, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        for (int i = 0; i < StackPorts.Silos; i++)
        {
            Reply reply;
            while ((reply = await PostConfig(body, Api(i))).Status == HttpStatusCode.ServiceUnavailable && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            Assert.True(reply.Status == HttpStatusCode.OK, $"POST /admin/config to api-{i + 1}: {reply.Status} {reply.Text}");
        }
    }

    /// <summary>
    /// Each instance's configuration as it answers now (version, mode, default limit, tiers), for a failure message:
    /// a count that went wrong on one instance says whether that instance held the configuration the others did.
    /// </summary>
    public async Task<string> ConfigOfEveryInstance()
    {
        var instances = new List<string>();
        for (int i = 0; i < StackPorts.Silos; i++)
        {
            try
            {
                var reply = await Get($"{Api(i)}/admin/config");
                var ready = await Get($"{Api(i)}/health/ready");
                string heard = ready.MediaType == "application/json" && ready.Json["config_age_seconds"] is { } age ? $"heard from the config grain {age} s ago" : $"readiness {(int)ready.Status}";
                instances.Add(reply.Status == HttpStatusCode.OK
                    ? $"{reply.Field("instance")} v{reply.Field("version")} {reply.Field("mode")} {reply.Field("rate_limit")}/{reply.Field("window_size_seconds")} s {reply.Field("tiers")} tiers, {heard}"
                    : $"api-{i + 1} {(int)reply.Status}");
            }
            catch (HttpRequestException e)
            {
                // The description serves a failure message, which must not be lost to an instance that is down.
                instances.Add($"api-{i + 1} unreachable ({e.Message})");
            }
        }

        return string.Join("; ", instances);
    }

    public Task<Reply> Reset(string? client = null) =>
        Send(new HttpRequestMessage(HttpMethod.Post, client is null ? $"{Nginx}/admin/reset" : $"{Nginx}/admin/reset?client={Uri.EscapeDataString(client)}"));

    public Task<Reply> Get(string url) => Send(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<Reply> Post(string url, string json, string contentType = "application/json") =>
        Send(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, contentType) });

    public Task<Reply> Put(string url, string json) =>
        Send(new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public Task<Reply> Delete(string url) => Send(new HttpRequestMessage(HttpMethod.Delete, url));

    /// <summary>
    /// Returns once nginx's round-robin has reached all three silos: a silo that a test restarted stays out of its
    /// rotation for its fail_timeout, and a client's grain is placed on the silo that takes its first request.
    /// </summary>
    public async Task UntilNginxReachesEverySilo(TimeSpan deadline)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        for (var until = DateTime.UtcNow + deadline; reached.Count < 3 && DateTime.UtcNow < until;)
        {
            var reply = await Request($"rotation-{Guid.NewGuid():N}");
            if (reply.Status == System.Net.HttpStatusCode.OK)
            {
                reached.Add(reply.Field("instance"));
            }
        }
    }

    /// <summary>One request after another for the same key.</summary>
    public async Task<List<Reply>> Sequentially(string apiKey, int count)
    {
        var replies = new List<Reply>();
        for (int i = 0; i < count; i++)
        {
            replies.Add(await Request(apiKey));
        }

        return replies;
    }

    public async Task<Reply[]> Concurrently(int count, string apiKey) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Request(apiKey)));

    public async Task<Reply> Send(HttpRequestMessage message)
    {
        var reply = await SendOnce(message);
        if (reply.Headers.GetValueOrDefault("X-Config-Propagated") == "false")
        {
            await UntilEveryInstanceHoldsTheSameVersion(TimeSpan.FromSeconds(10));
        }

        return reply;
    }

    private async Task<Reply> SendOnce(HttpRequestMessage message)
    {
        using (message)
        {
            if (adminToken is not null && message.RequestUri!.AbsolutePath.StartsWith("/admin/", StringComparison.Ordinal) && !message.Headers.Contains("X-Admin-Token"))
            {
                message.Headers.Add("X-Admin-Token", adminToken);
            }

            using var response = await _http.SendAsync(message);
            string text = await response.Content.ReadAsStringAsync();
            return new Reply(response.StatusCode, text, response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>
    /// What a user does when a change answers <c>X-Config-Propagated: false</c> (a silo had not taken it yet): waits
    /// until every instance's configuration shows the same version. The silo that answered holds the change, so the
    /// same version everywhere is the change. A silo that is down on purpose never agrees; then the deadline passes.
    /// </summary>
    private async Task UntilEveryInstanceHoldsTheSameVersion(TimeSpan deadline)
    {
        for (var until = DateTime.UtcNow + deadline; DateTime.UtcNow < until; await Task.Delay(50))
        {
            var versions = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < StackPorts.Silos; i++)
            {
                try
                {
                    var reply = await SendOnce(new HttpRequestMessage(HttpMethod.Get, $"{Api(i)}/admin/config"));
                    versions.Add(reply.Status == HttpStatusCode.OK ? reply.Field("version") : "unavailable");
                }
                catch (HttpRequestException)
                {
                    versions.Add("unavailable");
                }
            }

            if (versions.Count == 1 && !versions.Contains("unavailable"))
            {
                return;
            }
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One HTTP answer: status, body, headers.</summary>
public sealed record Reply(HttpStatusCode Status, string Text, IReadOnlyDictionary<string, string> Headers, string? MediaType)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public string Field(string name) => Json[name]!.ToString();

    /// <summary>The replies' statuses per instance, such as <c>api-1 200x4 429x30</c>, for a failure message.</summary>
    public static string TallyByInstance(IEnumerable<Reply> replies) =>
        string.Join("; ", replies
            .GroupBy(r => r.Instance)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {string.Join(" ", g.GroupBy(r => (int)r.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Count()}"))}"));

    // An answer that is not the API's own JSON (nginx's, or a 503 without an instance) is tallied apart.
    private string Instance => MediaType == "application/json" && JsonNode.Parse(Text) is JsonObject json && json["instance"] is { } instance ? instance.ToString() : "no instance";
}
