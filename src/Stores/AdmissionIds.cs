using System.Security.Cryptography;

namespace RateLimiterOrleans.Stores;

/// <summary>
/// Unique sorted-set members for admitted requests. Two admissions in the same microsecond, from the
/// same or another silo, must stay two members, or the log would count one.
/// </summary>
internal sealed class AdmissionIds
{
    private readonly string _prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
    private long _sequence;

    public string Next() => $"{_prefix}-{Interlocked.Increment(ref _sequence)}";
}
