namespace RateLimiterOrleans.Grains;

/// <summary>Whether a <c>grain</c>-mode activation may admit, as far as its journal is concerned.</summary>
public enum JournalReservation
{
    /// <summary>Enough permits are reserved in Redis, or were just reserved.</summary>
    Reserved,

    /// <summary>Redis could not be written: the activation goes on counting exactly in memory, unjournaled.</summary>
    Unjournaled,

    /// <summary>A newer activation claimed the journal: this one must admit nothing more.</summary>
    Fenced,
}
