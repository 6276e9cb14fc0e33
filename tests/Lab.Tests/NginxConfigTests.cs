using RateLimiterOrleans.Lab;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class NginxConfigTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("nginx-config-tests").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_upstream_hashes_the_api_key_only_with_affinity(bool affinity)
    {
        var layout = new StackLayout(LabPaths.Discover().Root, _state, "unused.dll");

        NginxConfig.Write(layout, StackPorts.FromBase(25480), affinity);

        string site = File.ReadAllText(Path.Combine(layout.NginxDirectory, "site.conf"));
        Assert.DoesNotContain(site.Split('\n'), line => !line.TrimStart().StartsWith('#') && line.Contains("${", StringComparison.Ordinal));
        Assert.Equal(affinity, site.Contains("\n    hash $http_x_api_key consistent;", StringComparison.Ordinal));
        Assert.Contains("server 127.0.0.1:25481", site, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
