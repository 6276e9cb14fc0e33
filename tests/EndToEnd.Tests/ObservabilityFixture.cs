namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// A stack with the native Prometheus, as <c>./lab up --observability</c> runs it, whose silos also
/// export traces over OTLP to a receiver the tests can read.
/// </summary>
public sealed class ObservabilityFixture : StackFixture, IDisposable
{
    public OtlpReceiver Traces { get; } = new();

    protected override bool Observability => true;

    protected override IReadOnlyDictionary<string, string> SiloEnvironment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        // Export each batch after 200 ms instead of 5 s, so a test sees its spans quickly.
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
    };

    public void Dispose() => Traces.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ObservabilityCollection : ICollectionFixture<ObservabilityFixture>
{
    public const string Name = "observability";
}
