using System.Text;

namespace RateLimiterOrleans.Grains;

/// <summary>
/// Who a request counts against, as the one string that keys its grains, its Redis keys and its resets:
/// <c>key:&lt;api key&gt;</c> or <c>ip:&lt;address&gt;</c>. The kinds never share a count, so an API key that
/// reads like an address spends its own quota, not that host's, and never gets a tier meant for a key.
/// </summary>
/// <remarks>
/// The API key is percent-encoded except for ASCII letters, digits, <c>-</c>, <c>_</c> and <c>~</c>, so an id
/// ends where those characters end: in a log line it can be found and replaced by its digest whatever the
/// key contains (Orleans prints grain ids raw).
/// </remarks>
public readonly record struct ClientId
{
    public const string ApiKeyPrefix = "key:";
    public const string AddressPrefix = "ip:";

    private ClientId(ClientKind kind, string name, string value)
    {
        Kind = kind;
        Name = name;
        Value = value;
    }

    public ClientKind Kind { get; }

    /// <summary>The API key or the address, as the caller knows it.</summary>
    public string Name { get; }

    /// <summary>The namespaced form that keys grains and Redis: <c>key:…</c> or <c>ip:…</c>.</summary>
    public string Value { get; }

    /// <param name="apiKey">A key that <see cref="ClientKey.Validate"/> accepted.</param>
    public static ClientId ForApiKey(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        return new(ClientKind.ApiKey, apiKey, ApiKeyPrefix + Encode(apiKey));
    }

    public static ClientId ForAddress(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        return new(ClientKind.Address, address, AddressPrefix + address);
    }

    /// <summary>Reads a namespaced id back; false for a string that is neither kind.</summary>
    public static bool TryParse(string? value, out ClientId client)
    {
        if (value is not null && value.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) && value.Length > ApiKeyPrefix.Length)
        {
            client = new(ClientKind.ApiKey, Uri.UnescapeDataString(value[ApiKeyPrefix.Length..]), value);
            return true;
        }

        if (value is not null && value.StartsWith(AddressPrefix, StringComparison.Ordinal) && value.Length > AddressPrefix.Length)
        {
            client = new(ClientKind.Address, value[AddressPrefix.Length..], value);
            return true;
        }

        client = default;
        return false;
    }

    public override string ToString() => Value;

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~';

    private static string Encode(string apiKey)
    {
        if (apiKey.All(IsKept))
        {
            return apiKey;
        }

        var encoded = new StringBuilder(apiKey.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < apiKey.Length; i++)
        {
            if (IsKept(apiKey[i]))
            {
                encoded.Append(apiKey[i]);
                continue;
            }

            int length = char.IsHighSurrogate(apiKey[i]) && i + 1 < apiKey.Length
                ? Encoding.UTF8.GetBytes(apiKey.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(apiKey.AsSpan(i, 1), utf8);
            foreach (byte b in utf8[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
