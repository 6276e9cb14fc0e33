using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace RateLimiterOrleans.EndToEnd.Tests.Ordering;

/// <summary>
/// xUnit's framework, with the test classes of each collection run in <see cref="TestOrder"/>'s order too:
/// xUnit runs a collection's classes in the order their tests arrive, which no orderer attribute changes.
/// </summary>
public sealed class OrderedTestFramework(IMessageSink diagnostics) : XunitTestFramework(diagnostics)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var byClass = TestOrder.Apply(testCases.GroupBy(TestOrder.ClassOf), g => g.Key).SelectMany(g => g);
            using var runner = new XunitTestAssemblyRunner(TestAssembly, byClass, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }
}
