namespace RateLimiterOrleans.Grains;

/// <summary>
/// References to client grains without Orleans' per-call type lookup: <c>GetGrain&lt;T&gt;(key)</c> formats and parses
/// the interface's type name on every call, which was a fifth of the strings a decision allocated. The grain type and
/// interface type are resolved once here, and each reference is built from them.
/// </summary>
internal sealed class ClientLimiterReferences
{
    private readonly IGrainFactory _grains;
    private readonly GrainType _grainType;
    private readonly GrainInterfaceType _interfaceType;

    public ClientLimiterReferences(IGrainFactory grains)
    {
        _grains = grains;
        var resolved = (GrainReference)grains.GetGrain<IClientLimiterGrain>(nameof(ClientLimiterReferences));
        _grainType = resolved.GrainId.Type;
        _interfaceType = resolved.InterfaceType;
    }

    public IClientLimiterGrain For(string client) => (IClientLimiterGrain)_grains.GetGrain(GrainId.Create(_grainType, client), _interfaceType);
}
