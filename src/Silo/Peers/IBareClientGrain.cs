using RateLimiterOrleans.Grains;

namespace RateLimiterOrleans.Silo.Peers;

/// <summary>
/// A client's grain that decides nothing: placed, activated and called as a <c>grain</c>-mode client grain is, so
/// <c>./lab bench</c> can measure what the call alone costs, the ceiling of any design with one grain per client.
/// </summary>
public interface IBareClientGrain : IGrainWithStringKey
{
    /// <summary>Admits every request, with the answer a <c>grain</c>-mode grain gives.</summary>
    Task<Decision> Decide(int permits);
}
