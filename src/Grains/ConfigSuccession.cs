namespace RateLimiterOrleans.Grains;

/// <summary>Whether a silo replaces the configuration it holds with one it is handed.</summary>
internal static class ConfigSuccession
{
    /// <summary>
    /// The silo's own change, as the config grain saved it, is taken when it is newer than what the silo holds: an
    /// answer to the silo's poll may already have brought a later one.
    /// </summary>
    /// <param name="held">The version the silo holds now; null before its first copy.</param>
    /// <param name="changed">The version the change saved.</param>
    public static bool TakesOwnChange(long? held, long changed) => held is not { } version || changed > version;

    /// <summary>
    /// A newer version is always taken. The grain is the authority, so an older one is taken too when it answers the
    /// version the silo still holds: the grain went back, as after its storage was wiped. When the silo took its own
    /// newer change while the poll was out, the answer is older news, and taking it would put the silo back a version.
    /// </summary>
    /// <param name="held">The version the silo holds now; null before its first copy.</param>
    /// <param name="asked">The version the silo named in the poll.</param>
    /// <param name="answered">The version the grain answered with.</param>
    public static bool TakesAnswer(long? held, long asked, long answered) =>
        TakesOwnChange(held, answered) || (answered != held && held == asked);
}
