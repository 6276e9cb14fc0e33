using System.Globalization;
using System.Text;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// A <see cref="CountSnapshot"/> as the journal stores it: <c>sw:</c> then <c>age-µs*count</c> groups oldest first,
/// separated by commas, or <c>tb:</c> then the tokens used. Ages are relative to the moment of the record.
/// </summary>
internal static class JournalCodec
{
    private const string SlidingWindowPrefix = "sw:";
    private const string TokenBucketPrefix = "tb:";

    public static string Encode(CountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.IsTokenBucket)
        {
            return TokenBucketPrefix + snapshot.TokensUsed.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder(SlidingWindowPrefix);
        foreach (var group in snapshot.Admissions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{group.Age.Ticks / 10}*{group.Count},");
        }

        return text.ToString().TrimEnd(',');
    }

    /// <summary>The snapshot, or null for an empty or unreadable state: a journal this version cannot read is not trusted.</summary>
    public static CountSnapshot? Decode(string state)
    {
        if (state.StartsWith(TokenBucketPrefix, StringComparison.Ordinal))
        {
            return int.TryParse(state.AsSpan(TokenBucketPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int used)
                ? new CountSnapshot(true, [], used)
                : null;
        }

        if (!state.StartsWith(SlidingWindowPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var groups = new List<AdmissionGroup>();
        foreach (string group in state[SlidingWindowPrefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = group.Split('*');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ageMicroseconds)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            {
                return null;
            }

            groups.Add(new AdmissionGroup(TimeSpan.FromTicks(ageMicroseconds * 10), count));
        }

        return new CountSnapshot(false, groups, 0);
    }
}
