namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// A stack for the lab page in a browser: chaos on, as <c>./lab up</c> runs it, and an admin token set, so the
/// page has to ask for it. Its tests kill silos, so it is a stack of its own.
/// </summary>
public sealed class LabPageFixture : StackFixture
{
    public const string AdminTokenValue = "lab-page-secret-for-tests";

    protected override IReadOnlyDictionary<string, string> SiloEnvironment => new Dictionary<string, string>
    {
        ["RATELIMITER_ADMIN_TOKEN"] = AdminTokenValue,
    };
}

[CollectionDefinition(Name)]
public sealed class LabPageCollection : ICollectionFixture<LabPageFixture>
{
    public const string Name = "lab-page";
}
