namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// One mode under one failure: what each client was admitted in all, against the limit it had for the whole
/// measurement. Over-admission adds up what clients got beyond it; lost adds up what they were refused short of it.
/// </summary>
public sealed record ChaosCell(string Mode, ChaosFailure Failure, int Limit, IReadOnlyList<int> Admitted, int Requests, int Failures)
{
    public int OverAdmission => Admitted.Sum(a => Math.Max(0, a - Limit));

    public int Lost => Admitted.Sum(a => Math.Max(0, Limit - a));

    public int MostAdmitted => Admitted.DefaultIfEmpty().Max();

    /// <summary>The table's cell: over-admission, then what was lost if anything was.</summary>
    public string Text => (OverAdmission, Lost) switch
    {
        (0, 0) => "0",
        (var over, 0) => $"+{over}",
        (0, var lost) => $"0 (−{lost})",
        var (over, lost) => $"+{over} (−{lost})",
    };
}
