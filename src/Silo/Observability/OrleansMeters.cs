using System.Diagnostics.Metrics;

namespace RateLimiterOrleans.Silo.Observability;

/// <summary>Which of Orleans' instruments <c>/metrics</c> exports as <c>microsoft_orleans_*</c>.</summary>
internal static class OrleansMeters
{
    // Recorded for every message between silos, at both ends, tagged with the other silo's address, which the
    // exporter turns into a string per message under a lock: a grain-mode decision on another silo records four.
    // Message counts stay exported (orleans-messaging-processing-*), and so do the header bytes.
    private static readonly HashSet<string> PerMessage = ["orleans-messaging-sent-messages-size", "orleans-messaging-received-messages-size"];

    /// <summary>Orleans' own meters, except the per-message size histograms.</summary>
    public static bool Exported(Instrument instrument) =>
        instrument.Meter.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && !PerMessage.Contains(instrument.Name);
}
