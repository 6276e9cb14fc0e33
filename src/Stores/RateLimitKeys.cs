using System.Text;
using StackExchange.Redis;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// The one place that names Redis keys. Every key is <c>ratelimit:{client}:g{generation}:{kind}</c>:
/// the braces make the client a hash tag, so every key of one client lands in one cluster slot and a
/// multi-key script stays legal; the generation lets a full reset start a fresh key space in O(1).
/// </summary>
public static class RateLimitKeys
{
    public const string Prefix = "ratelimit:";

    public static RedisKey SlidingWindow(string client, long generation) => Build(client, generation, "sliding_window");

    public static RedisKey TokenBucket(string client, long generation) => Build(client, generation, "token_bucket");

    /// <summary>The <c>grain</c> mode's journal of a client's count: what a new activation takes over.</summary>
    public static RedisKey GrainJournal(string client, long generation) => Build(client, generation, "grain");

    /// <summary>Every key that one client may have under one generation, for a per-client reset.</summary>
    public static RedisKey[] AllFor(string client, long generation) =>
        [SlidingWindow(client, generation), TokenBucket(client, generation), GrainJournal(client, generation)];

    /// <summary>
    /// Percent-encodes the characters that would end the hash tag early (<c>}</c>), start a second one
    /// (<c>{</c>), blur the <c>:</c> separators, or act as wildcards in <c>KEYS</c>/<c>SCAN</c> patterns.
    /// The encoding is reversible, so two different clients never share a key.
    /// </summary>
    public static string EscapeClient(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.AsSpan().IndexOfAny(Escaped) < 0)
        {
            return client;
        }

        var escaped = new StringBuilder(client.Length + 8);
        foreach (char c in client)
        {
            if (Escaped.Contains(c))
            {
                escaped.Append('%').Append(((int)c).ToString("X2"));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("%{}:*?[]\\");

    private static RedisKey Build(string client, long generation, string kind) =>
        $"{Prefix}{{{EscapeClient(client)}}}:g{generation}:{kind}";
}
