namespace RateLimiterOrleans.Silo.Http;

/// <summary>What the bypass header did for a request.</summary>
public enum BypassOutcome
{
    /// <summary>No header, or bypass is off: the request is limited as usual.</summary>
    NotRequested,

    Granted,

    /// <summary>A header with the wrong secret: the request is limited like any other, and counted.</summary>
    WrongSecret,
}
