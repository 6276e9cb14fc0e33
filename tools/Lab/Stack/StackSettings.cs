namespace RateLimiterOrleans.Lab.Stack;

/// <summary>What distinguishes one stack from another besides its ports.</summary>
/// <param name="ServiceId">The Orleans service id: grain storage keys are scoped by it.</param>
/// <param name="SiloEnvironment">Extra environment for every silo (settings such as tokens).</param>
/// <param name="Observability">Also run a native Prometheus that scrapes the silos.</param>
/// <param name="Affinity">nginx hashes the API key instead of going round-robin (<see cref="NginxConfig.AffinityBalance"/>).</param>
public sealed record StackSettings(string ServiceId = "ratelimiter", IReadOnlyDictionary<string, string>? SiloEnvironment = null, bool Observability = false, bool Affinity = false)
{
    public string ClusterId => $"{ServiceId}-lab";
}
