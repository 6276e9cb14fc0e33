using RateLimiterOrleans.Lab.Bench;

namespace RateLimiterOrleans.Lab.Tests;

public sealed class SiloMemoryTests
{
    [Theory]
    [InlineData(20_000_000, 266_000_000, 28_000_000, 8_000_000 / 246_000_000.0, true)]
    [InlineData(20_000_000, 120_000_000, 31_000_000, 0.11, false)]
    [InlineData(20_000_000, 120_000_000, 19_000_000, 0.0, true)]
    public void The_silos_pass_when_they_keep_at_most_a_tenth_of_what_the_burst_added(long idle, long peak, long after, double kept, bool gaveBack)
    {
        var result = new SiloMemory.Result(100_000, idle, peak, 50_000, after, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(70));

        Assert.Equal(kept, result.KeptShare, 6);
        Assert.Equal(gaveBack, result.GaveBack);
    }
}
