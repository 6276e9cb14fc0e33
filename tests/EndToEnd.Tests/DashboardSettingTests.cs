using System.Net;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// The Orleans dashboard costs an idle silo work whether anyone watches or not, so <c>./lab up</c> serves it only
/// with <c>--observability</c> (see <see cref="ObservabilityTests"/>); without it, a link to the dashboard says how
/// to turn it on.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class DashboardSettingTests(StackFixture fixture) : StackTest(fixture)
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task Without_observability_the_dashboard_answers_404_in_json_naming_the_setting(string path)
    {
        var reply = await Lab.Get($"{Lab.Nginx}{path}");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("application/json", reply.MediaType);
        Assert.Equal("Orleans:Dashboard", reply.Field("field"));
        Assert.Contains("--observability", reply.Field("message"));
    }
}
