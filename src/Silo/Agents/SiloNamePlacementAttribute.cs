using Orleans.Placement;

namespace RateLimiterOrleans.Silo.Agents;

/// <summary>Marks a grain class keyed by a silo name as living on that silo (<see cref="SiloNamePlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloNamePlacementAttribute() : PlacementAttribute(new SiloNamePlacement());
