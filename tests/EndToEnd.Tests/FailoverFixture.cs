namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// A stack of its own for the tests that kill a silo or Redis, restart the stack, or need the secrets
/// set, so the seed's exercises never see any of that. Its silos run without the lab page's chaos actions,
/// as silos do outside <c>./lab up</c>.
/// </summary>
public sealed class FailoverFixture : StackFixture
{
    public const string BypassToken = "bypass-secret-for-tests";
    public const string AdminTokenValue = "admin-secret-for-tests";

    protected override IReadOnlyDictionary<string, string> SiloEnvironment => new Dictionary<string, string>
    {
        ["RATELIMITER_BYPASS_TOKEN"] = BypassToken,
        ["RATELIMITER_ADMIN_TOKEN"] = AdminTokenValue,
        ["RateLimiter__Lab__Chaos"] = "false",
        // SecurityTests check that the dashboard asks for the admin token; ./lab up serves it only with --observability.
        ["Orleans__Dashboard"] = "true",
    };
}

[CollectionDefinition(Name)]
public sealed class FailoverCollection : ICollectionFixture<FailoverFixture>
{
    public const string Name = "failover";
}
