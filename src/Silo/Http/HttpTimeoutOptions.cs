namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// How long a request may take in this silo (section <c>HttpTimeouts</c>). Each layer's timeout ends
/// before the one in front of it: a grain call (<c>Orleans:ResponseTimeout</c>, 2 s), then a request here,
/// then nginx (<c>proxy_read_timeout</c>, 4 s), so every caller gets this project's JSON, never nginx's page.
/// </summary>
public sealed record HttpTimeoutOptions
{
    public const string SectionName = "HttpTimeouts";

    /// <summary>The policy for endpoints that run long on purpose, such as a burst of requests the lab fires.</summary>
    public const string LongRunningPolicy = "long-running";

    /// <summary>Every endpoint's bound unless it names another policy.</summary>
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The bound of endpoints that use <see cref="LongRunningPolicy"/>; nginx gives <c>/admin/experiments/</c> longer too.</summary>
    public TimeSpan LongRunning { get; set; } = TimeSpan.FromSeconds(120);
}
