using System.Diagnostics.Metrics;
using RateLimiterOrleans.Silo.Observability;

namespace RateLimiterOrleans.Silo.Tests;

/// <summary><c>/metrics</c> exports Orleans' meters except those recorded for every message between silos.</summary>
public sealed class OrleansMetersTests
{
    [Theory]
    [InlineData("Microsoft.Orleans", "orleans-catalog-activations", true)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-sent-header-size", true)]
    [InlineData("Microsoft.Orleans", "orleans-directory-lookups-cache-issued", true)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-sent-messages-size", false)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-received-messages-size", false)]
    [InlineData("RateLimiterOrleans", "rate_limit_decisions", false)]
    public void Exports_Orleans_meters_but_not_the_per_message_size_histograms(string meterName, string instrumentName, bool exported)
    {
        using var meter = new Meter(meterName);
        var instrument = meter.CreateHistogram<int>(instrumentName);

        Assert.Equal(exported, OrleansMeters.Exported(instrument));
    }
}
