using RateLimiterOrleans.Lab.Bench;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class HttpMeasurementTests
{
    [Theory]
    [InlineData(10_000, 0.632)] // as many requests as keys: about 63% of the keys drawn, each once first
    [InlineData(40_000, 0.245)]
    [InlineData(1, 1.0)]
    public void With_random_keys_the_first_requests_are_the_distinct_clients_expected_among_the_requests(long requests, double share)
    {
        var run = Run(BenchRowSet.Many, requests);

        Assert.Equal(share, run.FirstRequestShare, precision: 3);
    }

    [Fact]
    public void With_keys_in_turn_each_client_has_one_first_request()
    {
        var run = Run(BenchRowSet.Rotating, 1_000);

        Assert.Equal(20 / 1_000.0, run.FirstRequestShare, precision: 6);
    }

    private static HttpMeasurement Run(BenchRowSet set, long requests) => new(
        set, set.Rows[1], 1, requests, requests, 0, 0, 8, 1, 2, 3, 1, 0, 0, requests, TimeSpan.Zero, 0);
}
