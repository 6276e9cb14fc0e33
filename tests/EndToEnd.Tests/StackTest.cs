namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// An end-to-end test on a shared stack. Before each test the stack is brought up (an earlier test may have
/// killed a silo or Redis) and set to <see cref="LabClient.SeedConfiguration"/>, so no test inherits the
/// configuration another left behind, whatever order they run in (see <c>E2E_TEST_ORDER</c>).
/// </summary>
public abstract class StackTest(StackFixture fixture) : IAsyncLifetime
{
    protected LabClient Lab => fixture.Client;

    protected StackFixture Stack => fixture;

    public virtual async Task InitializeAsync()
    {
        await fixture.BringBackAsync();
        // Right after an earlier test restarted Redis, the cluster answers before its Redis connections are back,
        // and a change is refused with 503 until they are.
        await fixture.Client.UntilConfigured(LabClient.SeedConfiguration, TimeSpan.FromSeconds(30));
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
