using System.Xml.Linq;

namespace RateLimiterOrleans.Lab.Testing;

/// <summary>
/// What one test project's TRX file reported, read once: the counts the run itself recorded (null when the file has
/// none), rather than lines of console output that a crash or a change of format could leave out, and its failed tests.
/// </summary>
public sealed record TrxReport(TrxCounts? Counts, IReadOnlyList<TrxFailure> Failures)
{
    internal static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The report in <paramref name="file"/>, or null when there is no such file.</summary>
    public static TrxReport? Read(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var document = XDocument.Load(file);
        return new TrxReport(TrxCounts.From(document), TrxFailure.From(document));
    }
}
