namespace RateLimiterOrleans.Grains;

/// <summary>
/// Rules for client keys: opaque strings of 1 to 256 printable characters. Anything else is refused
/// with a reason, never truncated or rewritten, so two callers never share a count by accident.
/// </summary>
public static class ClientKey
{
    public const int MaxLength = 256;

    /// <summary>Null when <paramref name="key"/> is a valid client key; otherwise why it is not.</summary>
    public static string? Validate(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "must not be empty";
        }

        if (key.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters, got {key.Length}";
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (char.IsControl(c))
            {
                return $"must contain only printable characters; character {i} is U+{(int)c:X4}";
            }

            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"must be valid text; character {i} is a lone surrogate";
            }
        }

        return null;
    }
}
