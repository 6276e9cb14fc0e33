namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The two secrets, read from the environment: <c>RATELIMITER_BYPASS_TOKEN</c> lets a request through
/// without counting, <c>RATELIMITER_ADMIN_TOKEN</c> guards <c>/admin/*</c>. Unset means off.
/// </summary>
public sealed record SecurityOptions(string? BypassToken, string? AdminToken)
{
    public const string BypassVariable = "RATELIMITER_BYPASS_TOKEN";
    public const string AdminVariable = "RATELIMITER_ADMIN_TOKEN";
    public const string BypassHeader = "X-RateLimit-Bypass";
    public const string AdminHeader = "X-Admin-Token";

    public static SecurityOptions From(IConfiguration configuration) =>
        new(NullIfEmpty(configuration[BypassVariable]), NullIfEmpty(configuration[AdminVariable]));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
