namespace RateLimiterOrleans.Stores;

/// <summary>
/// A <c>grain</c>-mode activation's journal entry as Redis holds it: the count it recorded (encoded by the caller),
/// when it recorded it, and the permits it reserved from then on without reporting each one.
/// </summary>
/// <param name="State">The encoded count, or empty when nothing was ever recorded.</param>
/// <param name="RecordedAt">Redis' time of the record, in microseconds since the Unix epoch.</param>
/// <param name="Reserved">Permits the activation may have admitted after the record without writing again.</param>
/// <param name="ReservedUntil">The last moment those permits could be used, in the same clock.</param>
public sealed record JournalEntry(string State, long RecordedAt, int Reserved, long ReservedUntil)
{
    public static JournalEntry None { get; } = new("", 0, 0, 0);
}
