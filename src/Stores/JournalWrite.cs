namespace RateLimiterOrleans.Stores;

/// <summary>The outcome of writing a journal entry: written at Redis' time <see cref="Now"/>, or refused because a newer activation claimed the journal.</summary>
public readonly record struct JournalWrite(bool Written, long Now)
{
    public bool Fenced => !Written;
}
