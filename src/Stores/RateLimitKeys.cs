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
        var chars = client.AsSpan();
        int first = chars.IndexOfAny(Escaped);
        if (first < 0)
        {
            return client;
        }

        // Every client id has a ':' after its kind, so this runs on every decision: one string, sized exactly.
        int length = client.Length;
        foreach (char c in chars[first..])
        {
            length += Escaped.Contains(c) ? 2 : 0;
        }

        return string.Create(length, client, static (escaped, client) =>
        {
            int at = 0;
            foreach (char c in client)
            {
                if (Escaped.Contains(c))
                {
                    escaped[at++] = '%';
                    escaped[at++] = HexDigits[c >> 4];
                    escaped[at++] = HexDigits[c & 0xF];
                }
                else
                {
                    escaped[at++] = c;
                }
            }
        });
    }

    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("%{}:*?[]\\");

    private const string HexDigits = "0123456789ABCDEF";

    private static RedisKey Build(string client, long generation, string kind) =>
        $"{Prefix}{{{EscapeClient(client)}}}:g{generation}:{kind}";
}
