using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Grains.Tests;

/// <summary>A silo's copy of the configuration moves forward, and back only when the config grain itself went back.</summary>
public sealed class ConfigSuccessionTests
{
    [Theory]
    [InlineData(null, 0L, 1L, true)]
    [InlineData(5L, 5L, 6L, true)]
    [InlineData(5L, 5L, 5L, false)]
    [InlineData(5L, 5L, 2L, true)]
    [InlineData(7L, 5L, 6L, false)]
    [InlineData(7L, 5L, 2L, false)]
    [InlineData(7L, 5L, 8L, true)]
    public void A_silo_takes_a_newer_answer_and_an_older_one_only_when_it_still_holds_what_it_asked_about(long? held, long asked, long answered, bool taken)
    {
        Assert.Equal(taken, ConfigSuccession.TakesAnswer(held, asked, answered));
    }

    [Theory]
    [InlineData(null, 1L, true)]
    [InlineData(5L, 6L, true)]
    [InlineData(5L, 5L, false)]
    [InlineData(6L, 5L, false)]
    public void A_silo_takes_its_own_change_only_when_no_poll_brought_it_a_later_one(long? held, long changed, bool taken)
    {
        Assert.Equal(taken, ConfigSuccession.TakesOwnChange(held, changed));
    }
}
