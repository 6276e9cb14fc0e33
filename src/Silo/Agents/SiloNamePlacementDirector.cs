using Orleans.Runtime.Placement;

namespace RateLimiterOrleans.Silo.Agents;

/// <summary>
/// Chooses the silo for a <see cref="SiloNamePlacement"/> grain: the one active silo named by the grain's key.
/// With none, the call fails rather than run elsewhere, so an agent never speaks for another silo.
/// </summary>
internal sealed class SiloNamePlacementDirector(SiloDirectory silos) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string name = target.GrainIdentity.Key.ToString()!;
        var compatible = context.GetCompatibleSilos(target);
        var member = silos.Active().FirstOrDefault(m => m.Name == name && compatible.Contains(m.SiloAddress));
        return member is not null
            ? Task.FromResult(member.SiloAddress)
            : throw new SiloUnavailableException($"No active silo is named '{name}'.");
    }
}
