namespace RateLimiterOrleans.Grains;

/// <summary>
/// References to a client's grains without Orleans' per-call type lookup: <c>GetGrain&lt;T&gt;(key)</c> formats and
/// parses the interface's type name on every call, which was a fifth of the strings a decision allocated. The grain
/// type and interface type are resolved once here, and each reference is built from them.
/// </summary>
public sealed class ClientGrainReferences<TGrain>
    where TGrain : IGrainWithStringKey
{
    private readonly IGrainFactory _grains;
    private readonly GrainType _grainType;
    private readonly GrainInterfaceType _interfaceType;

    public ClientGrainReferences(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
        var resolved = (GrainReference)(object)grains.GetGrain<TGrain>(nameof(ClientGrainReferences<TGrain>));
        _grainType = resolved.GrainId.Type;
        _interfaceType = resolved.InterfaceType;
    }

    public TGrain For(string client) => (TGrain)(object)_grains.GetGrain(GrainId.Create(_grainType, client), _interfaceType);
}
