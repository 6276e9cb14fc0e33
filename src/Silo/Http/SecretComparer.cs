using System.Security.Cryptography;
using System.Text;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// Compares a presented secret with the configured one in constant time. Both are hashed first, so even
/// the length of the secret does not show in the time a wrong guess takes.
/// </summary>
internal sealed class SecretComparer(string secret)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
