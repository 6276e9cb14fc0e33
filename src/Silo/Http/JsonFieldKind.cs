namespace RateLimiterOrleans.Silo.Http;

/// <summary>The JSON type a request field must have.</summary>
public enum JsonFieldKind
{
    String,
    Boolean,
    Integer,
}
