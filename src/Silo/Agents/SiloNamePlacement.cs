namespace RateLimiterOrleans.Silo.Agents;

/// <summary>Places a grain on the active silo whose name (<c>RateLimiter:InstanceName</c>) is the grain's key.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class SiloNamePlacement : PlacementStrategy;
