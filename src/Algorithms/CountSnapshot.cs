namespace RateLimiterOrleans.Algorithms;

/// <summary>
/// What a client's count holds, independent of the process and clock it was taken in, so another activation can
/// take the count over: the sliding window's admissions by age, or the token bucket's used tokens.
/// </summary>
/// <param name="IsTokenBucket">Which algorithm counted.</param>
/// <param name="Admissions">The sliding window's admissions still held, oldest first; empty for the bucket.</param>
/// <param name="TokensUsed">The tokens missing from a full bucket; zero for the sliding window.</param>
public sealed record CountSnapshot(bool IsTokenBucket, IReadOnlyList<AdmissionGroup> Admissions, int TokensUsed)
{
    public static CountSnapshot Empty { get; } = new(false, [], 0);

    /// <summary>Whether it counts nothing: taking it over would change nothing.</summary>
    public bool IsEmpty => TokensUsed == 0 && Admissions.Count == 0;
}
