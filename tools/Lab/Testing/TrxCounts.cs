using System.Xml.Linq;

namespace RateLimiterOrleans.Lab.Testing;

/// <summary>A test run's counts, as its TRX file's <c>Counters</c> record them.</summary>
public sealed record TrxCounts(int Total, int Passed, int Failed, int Skipped)
{
    /// <summary>The counts in <paramref name="trx"/>, or null when it has no counters.</summary>
    internal static TrxCounts? From(XDocument trx)
    {
        var counters = trx.Descendants(TrxReport.Trx + "Counters").FirstOrDefault();
        if (counters is null)
        {
            return null;
        }

        int Count(string name) => (int?)counters.Attribute(name) ?? 0;
        // xUnit's skipped tests are counted in total but not in executed (notExecuted stays 0).
        return new TrxCounts(
            Count("total"),
            Count("passed"),
            Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
            Count("total") - Count("executed"));
    }
}
