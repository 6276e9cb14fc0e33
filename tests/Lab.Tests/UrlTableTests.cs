using RateLimiterOrleans.Lab.Commands;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class UrlTableTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_dashboard_and_prometheus_are_listed_only_when_observability_runs_them(bool observability)
    {
        var ports = StackPorts.FromBase(25480);

        string table = UrlTable.Render(ports, observability);

        Assert.Contains($"http://localhost:{ports.Nginx}/lab/", table);
        Assert.Equal(observability, table.Contains($"http://localhost:{ports.Nginx}/dashboard/", StringComparison.Ordinal));
        Assert.Equal(observability, table.Contains($"http://localhost:{ports.Prometheus}", StringComparison.Ordinal));
    }
}
