namespace RateLimiterOrleans.Grains;

/// <summary>Why a <c>grain</c>-mode activation wrote its journal, as the journal-writes metric labels it.</summary>
public static class JournalWritePurposes
{
    /// <summary>A new activation took the journal over.</summary>
    public const string Claim = "claim";

    /// <summary>An activation recorded its count and reserved the next block of permits.</summary>
    public const string Reserve = "reserve";

    /// <summary>An activation deactivating handed its exact count over.</summary>
    public const string HandOver = "hand_over";

    public static IReadOnlyList<string> All { get; } = [Claim, Reserve, HandOver];
}
