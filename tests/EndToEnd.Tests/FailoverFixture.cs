namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>A stack of its own for the test that kills a silo, so the exercises never see a dead one.</summary>
public sealed class FailoverFixture : StackFixture;
