using System.Text;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>With an OTLP endpoint configured, each decision is a span carrying mode, result and algorithm, never the key.</summary>
[Collection(ObservabilityCollection.Name)]
public sealed class TracingTests(ObservabilityFixture fixture)
{
    [Fact]
    public async Task Decisions_are_exported_as_spans_with_their_attributes_and_without_the_api_key()
    {
        string secretKey = $"secret-key-{Guid.NewGuid():N}";
        // Grain ids carry the key in grain mode, Redis key names in the Redis modes.
        foreach (var mode in new[] { "grain", "redis_atomic", "redis_naive" })
        {
            await fixture.Client.ConfigureEveryInstance($$"""{"mode": "{{mode}}", "rate_limit": 100}""");
            for (int i = 0; i < 3; i++)
            {
                await fixture.Client.Request(secretKey);
            }
        }

        string received = await UntilReceived("redis_naive", TimeSpan.FromSeconds(20));
        Assert.Contains("ratelimit.mode", received);
        Assert.Contains("ratelimit.result", received);
        Assert.Contains("ratelimit.algorithm", received);
        Assert.Contains("sliding_window", received);
        Assert.Contains("ratelimit.client_digest", received);
        Assert.DoesNotContain(secretKey, received);
    }

    private async Task<string> UntilReceived(string text, TimeSpan deadline)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            string received = Encoding.UTF8.GetString(fixture.Traces.Received);
            if (received.Contains(text, StringComparison.Ordinal) || watch.Elapsed > deadline)
            {
                return received;
            }

            await Task.Delay(100);
        }
    }
}
