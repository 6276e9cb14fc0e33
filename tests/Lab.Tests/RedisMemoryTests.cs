using RateLimiterOrleans.Lab.Bench;

namespace RateLimiterOrleans.Lab.Tests;

/// <summary>The bench's Redis memory table, measured on its own scratch redis-server.</summary>
public sealed class RedisMemoryTests
{
    [Fact]
    public async Task A_sliding_window_key_grows_with_its_entries_and_a_token_bucket_key_stays_the_same_size()
    {
        string state = Directory.CreateTempSubdirectory("redis-memory-").FullName;
        try
        {
            var result = await RedisMemory.RunAsync(state, [200]);

            long[] sliding = [.. result.Keys.Where(k => k.Algorithm == "sliding_window").OrderBy(k => k.Entries).Select(k => k.Bytes)];
            long[] bucket = [.. result.Keys.Where(k => k.Algorithm == "token_bucket").Select(k => k.Bytes).Distinct()];
            Assert.Equal(4, sliding.Length);
            Assert.All(sliding, bytes => Assert.True(bytes > 0, "A sliding-window key measured no bytes: it was not there."));
            Assert.True(sliding[3] > sliding[2] && sliding[2] > sliding[0], $"The sliding log did not grow with its entries: {string.Join(", ", sliding)} B.");
            Assert.Single(bucket);
            Assert.True(bucket[0] > 0);
            Assert.All(result.SlidingWindow.Concat(result.TokenBucket), c => Assert.True(c.BytesPerClient > 0));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
