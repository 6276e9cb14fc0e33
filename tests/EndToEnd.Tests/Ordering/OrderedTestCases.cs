using Xunit.Abstractions;
using Xunit.Sdk;

namespace RateLimiterOrleans.EndToEnd.Tests.Ordering;

/// <summary>Orders the tests within each class as <see cref="TestOrder"/> says (xUnit's default order when unset).</summary>
public sealed class OrderedTestCases : ITestCaseOrderer
{
    private readonly DefaultTestCaseOrderer _default;

    public OrderedTestCases(IMessageSink diagnostics) => _default = new DefaultTestCaseOrderer(diagnostics);

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        TestOrder.Requested is null ? _default.OrderTestCases(testCases) : TestOrder.Apply(testCases, t => t.DisplayName);
}
