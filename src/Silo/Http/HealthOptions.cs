namespace RateLimiterOrleans.Silo.Http;

/// <summary>What the health endpoints tolerate (section <c>Health</c>).</summary>
public sealed record HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// How long a silo may go without hearing from the config grain before <c>/health/ready</c> fails. An
    /// idle long poll answers every 10 s and a poll to a frozen silo is given up after 15, so the bound is
    /// longer than both.
    /// </summary>
    public TimeSpan ConfigStaleAfter { get; set; } = TimeSpan.FromSeconds(30);
}
