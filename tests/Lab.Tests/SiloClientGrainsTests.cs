using System.Net;
using System.Text;
using RateLimiterOrleans.Lab.Bench;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class SiloClientGrainsTests
{
    private static readonly StackPorts Ports = StackPorts.FromBase(40080);

    [Fact]
    public async Task The_wait_ends_when_every_silo_reports_no_client_grain()
    {
        // api-2 still holds grains on the first two readings; the others hold none.
        var silos = new Silos(new() { [Ports.Api[0]] = [0], [Ports.Api[1]] = [7, 3, 0], [Ports.Api[2]] = [0] });
        using var http = new HttpClient(silos);

        var (_, left) = await new SiloClientGrains(Ports, http).WaitUntilNoneAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, left);
        Assert.Equal(3, silos.ReadsOf(Ports.Api[1]));
    }

    [Fact]
    public async Task The_wait_lasts_while_the_ceiling_rows_bare_grains_are_active()
    {
        // No limiting grain anywhere; api-3 still holds bare grains on the first two readings.
        var silos = new Silos(
            new() { [Ports.Api[0]] = [0], [Ports.Api[1]] = [0], [Ports.Api[2]] = [0] },
            new() { [Ports.Api[2]] = [5, 1, 0] });
        using var http = new HttpClient(silos);

        var (_, left) = await new SiloClientGrains(Ports, http).WaitUntilNoneAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, left);
        Assert.Equal(3, silos.ReadsOf(Ports.Api[2]));
    }

    [Fact]
    public async Task A_silo_that_keeps_its_grains_ends_the_wait_at_the_deadline_with_what_is_left()
    {
        var silos = new Silos(new() { [Ports.Api[0]] = [2], [Ports.Api[1]] = [0], [Ports.Api[2]] = [1] });
        using var http = new HttpClient(silos);

        var (waited, left) = await new SiloClientGrains(Ports, http).WaitUntilNoneAsync(TimeSpan.FromMilliseconds(600));

        Assert.Equal(3, left);
        Assert.True(waited >= TimeSpan.FromMilliseconds(600), $"gave up after {waited}");
    }

    [Fact]
    public async Task A_reading_sums_the_heap_and_the_grains_of_the_three_silos()
    {
        var silos = new Silos(
            new() { [Ports.Api[0]] = [1], [Ports.Api[1]] = [2], [Ports.Api[2]] = [4] },
            new() { [Ports.Api[0]] = [10], [Ports.Api[1]] = [20] });
        using var http = new HttpClient(silos);

        var reading = await new SiloClientGrains(Ports, http).ReadAsync(collect: true);

        Assert.Equal(new SiloClientGrains.Reading(3 * Silos.ManagedBytes, 7, 30), reading);
        Assert.All(silos.Queries, query => Assert.Equal("?collect=true", query));
    }

    // Each silo's /admin/memory, answering its next count of client grains and of bare ones (the last one from then
    // on; no bare grain where none is given).
    private sealed class Silos(Dictionary<int, int[]> grains, Dictionary<int, int[]>? bare = null) : HttpMessageHandler
    {
        public const long ManagedBytes = 1_000;
        private readonly Dictionary<int, int> _reads = [];
        private readonly List<string> _queries = [];

        public IReadOnlyList<string> Queries => _queries;

        public int ReadsOf(int port) => _reads.GetValueOrDefault(port);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            Assert.Equal("/admin/memory", uri.AbsolutePath);
            _queries.Add(uri.Query);
            int read = _reads[uri.Port] = ReadsOf(uri.Port) + 1;
            int Next(int[] counts) => counts[Math.Min(read, counts.Length) - 1];
            int bareGrains = bare?.GetValueOrDefault(uri.Port) is { } counts ? Next(counts) : 0;
            string json = $$"""{"instance":"api","managed_bytes":{{ManagedBytes}},"working_set_bytes":1,"client_grains":{{Next(grains[uri.Port])}},"bare_client_grains":{{bareGrains}},"local_client_count":0,"collected":false}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
