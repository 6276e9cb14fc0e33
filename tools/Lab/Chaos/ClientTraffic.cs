using System.Net;
using System.Text.Json;

namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// Requests for named clients (<c>X-API-Key</c>), each answer added to a tally: a fixed number per client, or a
/// steady stream until told to stop. A request already sent when told to stop is still answered and counted.
/// </summary>
public sealed class ClientTraffic(HttpClient http, Uri target)
{
    /// <summary><paramref name="requests"/> for every client, all clients at once, <paramref name="inFlight"/> at a time per client.</summary>
    public Task EachAsync(IReadOnlyList<string> clients, int requests, int inFlight, AdmissionTally tally)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return Task.WhenAll(clients.Select(async client =>
        {
            int left = requests;
            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
            {
                while (Interlocked.Decrement(ref left) >= 0)
                {
                    await SendAsync(client, tally);
                }
            }));
        }));
    }

    /// <summary>
    /// <paramref name="workers"/> sending in turn for every client, until <paramref name="stop"/>; to <paramref name="to"/>
    /// rather than the target if given; at most <paramref name="rate"/> requests per second in all if given.
    /// </summary>
    public Task UntilAsync(IReadOnlyList<string> clients, int workers, AdmissionTally tally, CancellationToken stop, Uri? to = null, int? rate = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var pace = rate is { } perSecond ? TimeSpan.FromSeconds((double)workers / perSecond) : TimeSpan.Zero;
        return Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (int i = worker; !stop.IsCancellationRequested; i += workers)
            {
                var next = Task.Delay(pace, CancellationToken.None);
                await SendAsync(clients[i % clients.Count], tally, to);
                await next;
            }
        }, CancellationToken.None)));
    }

    public async Task SendAsync(string client, AdmissionTally tally, Uri? to = null)
    {
        ArgumentNullException.ThrowIfNull(tally);
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(to ?? target, "/api/request"));
        message.Headers.TryAddWithoutValidation("X-API-Key", client);
        try
        {
            using var response = await http.SendAsync(message);
            string? decidedBy = null;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                decidedBy = body.RootElement.TryGetProperty("decided_by", out var silo) ? silo.GetString() : null;
            }

            tally.Add(client, response.StatusCode, decidedBy);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            tally.Add(client, 0);
        }
    }
}
