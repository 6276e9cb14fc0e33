using System.Collections.Concurrent;
using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>The bench's peer limiters are rebuilt when the default tier changes, under requests still using the old ones.</summary>
[Collection(StackCollection.Name)]
public sealed class PeerLimiterTests(StackFixture fixture)
{
    private readonly LabClient _lab = fixture.Client;

    [Fact]
    public async Task Peer_requests_while_the_default_limit_changes_are_all_answered()
    {
        await _lab.ConfigureEveryInstance("""{"mode": "redis_atomic", "rate_limit": 1000000, "window_size_seconds": 60, "algorithm": "sliding_window"}""");
        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        string[] peers = ["/api/peer/sliding-window-rate-limiter", "/api/peer/redis-rate-limiting"];
        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, $"{_lab.Api(0)}{peers[worker % 2]}");
                message.Headers.Add("X-API-Key", $"peer-{worker}-{i % 10}");
                statuses.Add((await _lab.Send(message)).Status);
            }
        })));

        for (int change = 1; change <= 20; change++)
        {
            var reply = await _lab.PostConfig($$"""{"rate_limit": {{1_000_000 - change}}}""", _lab.Api(change % 3));
            Assert.Equal(HttpStatusCode.OK, reply.Status);
        }

        await stop.CancelAsync();
        await load;

        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
