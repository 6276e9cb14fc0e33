using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// What replies through the lab should show, asserted with what a failure needs to be read: each instance's answers
/// and each instance's configuration as it stands after the requests.
/// </summary>
internal static class AdmissionAssert
{
    public static async Task Admitted(int expected, IReadOnlyCollection<Reply> replies, LabClient lab)
    {
        int admitted = replies.Count(r => r.Status == HttpStatusCode.OK);
        if (admitted != expected)
        {
            await Fail($"{admitted} of {replies.Count} admitted, expected {expected}.", replies, lab);
        }
    }

    public static async Task AllInTier(string tier, IReadOnlyCollection<Reply> replies, LabClient lab)
    {
        if (!replies.All(r => r.Json["tier"]?.ToString() == tier))
        {
            await Fail($"Not every reply names tier {tier}.", replies, lab);
        }
    }

    private static async Task Fail(string finding, IReadOnlyCollection<Reply> replies, LabClient lab) =>
        Assert.Fail($"{finding} By instance: {Reply.TallyByInstance(replies)}. Configuration now: {await lab.ConfigOfEveryInstance()}.");
}
