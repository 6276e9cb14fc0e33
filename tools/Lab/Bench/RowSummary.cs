namespace RateLimiterOrleans.Lab.Bench;

/// <summary>One row's measurements over all rounds: medians, with the spread between rounds.</summary>
public sealed record RowSummary(BenchRowSet Set, BenchRow Row, IReadOnlyList<HttpMeasurement> Rounds)
{
    public double DecisionsPerSecond => Median(r => r.DecisionsPerSecond);

    public double Slowest => Rounds.Min(r => r.DecisionsPerSecond);

    public double Fastest => Rounds.Max(r => r.DecisionsPerSecond);

    public double P50Ms => Median(r => r.P50Ms);

    public double P99Ms => Median(r => r.P99Ms);

    public double P999Ms => Median(r => r.P999Ms);

    public double CpuPer1000 => Median(r => r.CpuSecondsPer1000);

    public double FirstRequestShare => Median(r => r.FirstRequestShare);

    public double SiloCpuPer1000 => Median(r => r.SiloCpuSeconds / Math.Max(1, r.Requests) * 1000);

    public double RedisCpuPer1000 => Median(r => r.RedisCpuSeconds / Math.Max(1, r.Requests) * 1000);

    public double NginxCpuPer1000 => Median(r => r.NginxCpuSeconds / Math.Max(1, r.Requests) * 1000);

    /// <summary>The worst round: speed is never bought with a wrong answer in any of them.</summary>
    public HttpMeasurement MostOverAdmitted => Rounds.MaxBy(r => r.OverAdmitted)!;

    public long Errors => Rounds.Sum(r => r.Other);

    /// <summary>The measured rows of <paramref name="set"/>, in the set's order.</summary>
    public static IReadOnlyList<RowSummary> Of(BenchRowSet set, IReadOnlyList<HttpMeasurement> measurements) =>
        set.Rows.Select(row => new RowSummary(set, row, measurements.Where(m => m.Set == set && m.Row == row).ToList()))
            .Where(r => r.Rounds.Count > 0)
            .ToList();

    private double Median(Func<HttpMeasurement, double> value)
    {
        var sorted = Rounds.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
