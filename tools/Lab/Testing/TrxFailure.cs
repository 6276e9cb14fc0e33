using System.Xml.Linq;

namespace RateLimiterOrleans.Lab.Testing;

/// <summary>
/// One failed test in a TRX file: its name and the first line of its message. <c>./lab test</c> repeats them
/// above its closing line, because a CI log is often read from its tail, far below where the test failed.
/// </summary>
public sealed record TrxFailure(string Test, string Message)
{
    private const int LongestMessage = 400;

    /// <summary>The failed tests in <paramref name="trx"/>.</summary>
    internal static IReadOnlyList<TrxFailure> From(XDocument trx) =>
        trx.Descendants(TrxReport.Trx + "UnitTestResult")
            .Where(result => (string?)result.Attribute("outcome") is "Failed" or "Error" or "Timeout" or "Aborted")
            .Select(result => new TrxFailure(
                (string?)result.Attribute("testName") ?? "(unnamed)",
                FirstLine((string?)result.Descendants(TrxReport.Trx + "Message").FirstOrDefault() ?? "")))
            .ToList();

    private static string FirstLine(string message)
    {
        string line = message.Split('\n', 2)[0].Trim();
        return line.Length <= LongestMessage ? line : string.Concat(line.AsSpan(0, LongestMessage), "…");
    }
}
