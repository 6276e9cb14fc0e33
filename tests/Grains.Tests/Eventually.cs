namespace RateLimiterOrleans.Grains.Tests;

/// <summary>Waits on a condition with a deadline, polling: the one way these tests wait for something to happen.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, TimeSpan deadline, string failure)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, failure);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
