using System.Xml.Linq;

namespace RateLimiterOrleans.Lab.Testing;

/// <summary>
/// What one test project reported, read from the TRX file <c>dotnet test</c> writes: the counts the run
/// itself recorded, rather than lines of console output that a crash or a change of format could leave out.
/// </summary>
public sealed record TrxCounts(int Total, int Passed, int Failed, int Skipped)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The counts in <paramref name="file"/>, or null when there is no such file or it has no counters.</summary>
    public static TrxCounts? Read(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var counters = XDocument.Load(file).Descendants(Trx + "Counters").FirstOrDefault();
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
