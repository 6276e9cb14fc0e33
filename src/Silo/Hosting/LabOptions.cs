namespace RateLimiterOrleans.Silo.Hosting;

/// <summary>What the lab page may do to this silo (section <c>RateLimiter:Lab</c>).</summary>
public sealed record LabOptions
{
    public const string SectionName = "RateLimiter:Lab";

    /// <summary>
    /// Allows the page's "breaking things" actions: killing a silo and pausing Redis. <c>./lab up</c> turns it
    /// on; anywhere else it is off unless set.
    /// </summary>
    public bool Chaos { get; set; }
}
