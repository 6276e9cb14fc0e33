namespace RateLimiterOrleans.Lab.Bench;

/// <summary>What a row measures, which says what its ratio to the baseline means.</summary>
public enum BenchRowKind
{
    /// <summary>No decision: what every other row is read against.</summary>
    Baseline,

    /// <summary>
    /// The call a mode makes with the decision taken out: a row of that mode does this work and more, so it is expected
    /// at or below it, and a row measured above it shows the noise between rows.
    /// </summary>
    Ceiling,

    /// <summary>One of the lab's modes deciding.</summary>
    Mode,

    /// <summary>A widely used limiter deciding, for comparison.</summary>
    Peer,
}
