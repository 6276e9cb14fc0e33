using RateLimiterOrleans.Lab.CommandLine;

namespace RateLimiterOrleans.Lab.Tests;

/// <summary>How <c>./lab</c> reads its command line: every mistake is an error naming the option, before anything runs.</summary>
public sealed class LabCommandLineTests
{
    private static readonly System.CommandLine.Command Lab = LabCommandLine.Build(new LabPaths(Path.GetTempPath()));

    [Theory]
    [InlineData("up --observabilty", "--observabilty")]
    [InlineData("down --force", "--force")]
    [InlineData("status extra", "extra")]
    [InlineData("bench --round 3", "--round")]
    public void An_unknown_option_or_argument_is_an_error_naming_it(string line, string named)
    {
        var parse = Lab.Parse(line);

        Assert.Contains(parse.Errors, e => e.Message.Contains($"'{named}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("up --base-port 80", "--base-port needs a port number from 1024 to 65505, got '80'")]
    [InlineData("up --base-port next", "--base-port needs a port number from 1024 to 65505, got 'next'")]
    [InlineData("load basic --rate 0", "--rate needs a whole number from 1 to 100,000, got '0'")]
    [InlineData("load basic --duration 2h", "--duration needs a duration from 1 s to 1 h such as 30s or 2m, got '2h'")]
    [InlineData("load basic --target ftp://example", "--target needs an http:// or https:// URL, got 'ftp://example'")]
    [InlineData("load basic --clients ,,", "--clients needs at least one value, got ',,'")]
    [InlineData("bench --connections 2000", "--connections needs a whole number from 1 to 1,024, got '2000'")]
    public void A_value_out_of_range_is_an_error_naming_the_option_and_the_value(string line, string message)
    {
        var parse = Lab.Parse(line);

        Assert.Equal(message, Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void Load_needs_a_known_scenario_and_one_place_to_send_to()
    {
        Assert.NotEmpty(Lab.Parse("load").Errors);
        Assert.NotEmpty(Lab.Parse("load medium").Errors);
        Assert.Contains("--target and --base-port", Assert.Single(Lab.Parse("load basic --target http://localhost:1 --base-port 18080").Errors).Message);
    }

    [Theory]
    [InlineData("up --base-port 18080 --observability")]
    [InlineData("logs api-2 -f")]
    [InlineData("load high-concurrency --rate 1000 --duration 10s --concurrency 50 --clients a,b --json out.json")]
    [InlineData("load basic --json")]
    [InlineData("bench --duration 8 --rounds 2 --connections 32 --scale-clients 1000 --no-micro")]
    [InlineData("chaos --base-port 24080 --modes grain,redis_atomic --failures kill,redis-closed")]
    [InlineData("setup")]
    public void Every_documented_command_line_parses(string line)
    {
        Assert.Empty(Lab.Parse(line).Errors);
    }

    [Theory]
    [InlineData("chaos --modes grain,redis", "--modes: 'redis' is not a mode; choose from local, grain, redis_naive, redis_atomic")]
    [InlineData("chaos --failures kill,reboot", "--failures: 'reboot' is not a failure; choose from none, kill, frozen, rolling, redis-open, redis-closed, redis-local")]
    public void Chaos_takes_only_known_modes_and_failures(string line, string message)
    {
        Assert.Equal(message, Assert.Single(Lab.Parse(line).Errors).Message);
    }

    [Fact]
    public void Test_passes_the_arguments_it_does_not_know_to_dotnet_test_in_order()
    {
        var parse = Lab.Parse(["test", "--filter", "FullyQualifiedName~Seed", "--blame"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(["--filter", "FullyQualifiedName~Seed", "--blame"], parse.UnmatchedTokens);
    }

    [Fact]
    public async Task Running_with_a_bad_option_exits_with_the_usage_code_before_doing_anything()
    {
        int exit = await LabCommandLine.RunAsync(["up", "--observabilty"], new LabPaths(Path.GetTempPath()));

        Assert.Equal(LabCommandLine.UsageError, exit);
    }
}
