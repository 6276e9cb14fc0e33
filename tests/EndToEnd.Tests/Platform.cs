// These tests drive the lab's native Linux processes (redis-server, silos, nginx).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// Each collection starts a whole stack (three silos, Redis, nginx). Run them one at a time: on two cores,
// three stacks at once would put deadlines and failover times under a load no lab user has.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

// E2E_TEST_ORDER=name|reverse|random:<seed> runs the classes and their tests in another order (see TestOrder).
[assembly: Xunit.TestFramework("RateLimiterOrleans.EndToEnd.Tests.Ordering.OrderedTestFramework", "RateLimiterOrleans.EndToEnd.Tests")]
[assembly: Xunit.TestCaseOrderer("RateLimiterOrleans.EndToEnd.Tests.Ordering.OrderedTestCases", "RateLimiterOrleans.EndToEnd.Tests")]
