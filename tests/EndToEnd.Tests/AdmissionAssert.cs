using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// A count of admissions, asserted with what its failure needs to be read: each instance's answers and each
/// instance's configuration as it stands after the requests.
/// </summary>
internal static class AdmissionAssert
{
    public static async Task Admitted(int expected, IReadOnlyCollection<Reply> replies, LabClient lab)
    {
        int admitted = replies.Count(r => r.Status == HttpStatusCode.OK);
        if (admitted != expected)
        {
            Assert.Fail($"{admitted} of {replies.Count} admitted, expected {expected}. By instance: {Reply.TallyByInstance(replies)}. Configuration now: {await lab.ConfigOfEveryInstance()}.");
        }
    }
}
