using Microsoft.Extensions.Options;
using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Http;

/// <summary>This instance's name (<c>api-1</c>…), carried in every response.</summary>
public sealed class InstanceName(IOptions<RateLimiterOptions> options)
{
    public string Value { get; } = options.Value.InstanceName;
}
