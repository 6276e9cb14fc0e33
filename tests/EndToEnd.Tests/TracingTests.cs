using System.Diagnostics;
using System.Text;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// With an OTLP endpoint configured, each decision is a span carrying mode, result and algorithm, the HTTP request,
/// Orleans grain calls and Redis commands are spans too, and none of them carries the API key. The HTTP span is here
/// because the silos turn off ASP.NET Core's hosting logger, which alone used to start a request's activity.
/// </summary>
[Collection(ObservabilityCollection.Name)]
public sealed class TracingTests(ObservabilityFixture fixture) : StackTest(fixture)
{
    private const string OrleansScope = "Microsoft.Orleans";
    private const string RedisScope = "OpenTelemetry.Instrumentation.StackExchangeRedis";
    private const string AspNetCoreScope = "Microsoft.AspNetCore";

    [Fact]
    public async Task Decisions_orleans_calls_and_redis_commands_are_exported_as_spans_and_none_carries_the_api_key()
    {
        string secretKey = $"secret-key-{Guid.NewGuid():N}";
        // Grain ids carry the key in grain mode, Redis key names in the Redis modes.
        // The exporter drops spans while its queue is full (after an earlier test's load), so each mode sends
        // again until one of its decisions has been exported.
        IReadOnlyList<ExportedSpan> spans = [];
        foreach (var mode in new[] { "grain", "redis_atomic", "redis_naive" })
        {
            await fixture.Client.ConfigureEveryInstance($$"""{"mode": "{{mode}}", "rate_limit": 100}""");
            spans = await UntilExported(() => fixture.Client.Request(secretKey), s => s.Any(span => IsDecision(span, mode)) && s.Any(IsOrleans) && s.Any(IsRedis) && s.Any(IsHttpRequest), TimeSpan.FromSeconds(30));
        }

        // The privacy check below only means something if the spans that could carry the key were exported.
        Assert.Contains(spans, s => IsDecision(s, "grain"));
        Assert.Contains(spans, s => IsDecision(s, "redis_atomic"));
        Assert.Contains(spans, s => IsDecision(s, "redis_naive"));
        Assert.Contains(spans, IsOrleans);
        Assert.Contains(spans, IsRedis);
        Assert.Contains(spans, IsHttpRequest);
        Assert.All(spans.Where(s => s.Name == "ratelimit.decide"), s =>
        {
            Assert.Contains(s.Attributes["ratelimit.result"], new[] { "allowed", "rejected" });
            Assert.Equal("sliding_window", s.Attributes["ratelimit.algorithm"]);
            Assert.False(string.IsNullOrEmpty(s.Attributes["ratelimit.client_digest"]));
        });
        Assert.DoesNotContain(secretKey, Encoding.UTF8.GetString(fixture.Traces.Received));
    }

    private static bool IsDecision(ExportedSpan span, string mode) =>
        span.Name == "ratelimit.decide" && span.Attributes.GetValueOrDefault("ratelimit.mode") == mode;

    private static bool IsOrleans(ExportedSpan span) => span.Scope.StartsWith(OrleansScope, StringComparison.Ordinal);

    private static bool IsRedis(ExportedSpan span) => span.Scope == RedisScope;

    private static bool IsHttpRequest(ExportedSpan span) => span.Scope == AspNetCoreScope;

    private async Task<IReadOnlyList<ExportedSpan>> UntilExported(Func<Task> send, Func<IReadOnlyList<ExportedSpan>, bool> condition, TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        var sent = -TimeSpan.FromSeconds(1);
        while (true)
        {
            var spans = fixture.Traces.Spans;
            if (condition(spans) || watch.Elapsed > deadline)
            {
                return spans;
            }

            if (watch.Elapsed - sent >= TimeSpan.FromSeconds(1))
            {
                sent = watch.Elapsed;
                await send();
            }

            await Task.Delay(100);
        }
    }
}
