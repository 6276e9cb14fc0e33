namespace RateLimiterOrleans.Silo.Http;

/// <summary>
/// The security settings, read from the environment where <c>./lab</c> passes them on to every silo:
/// <c>RATELIMITER_BYPASS_TOKEN</c> lets a request through without counting, <c>RATELIMITER_ADMIN_TOKEN</c>
/// guards <c>/admin/*</c> and the dashboard, <c>RATELIMITER_REQUIRE_REGISTERED_KEYS</c> refuses API keys no
/// tier lists, and <c>RATELIMITER_ALLOW_OPEN_ADMIN</c> lets a silo serve an unguarded admin API beyond
/// loopback. Unset means off.
/// </summary>
public sealed record SecurityOptions(string? BypassToken, string? AdminToken, bool RequireRegisteredKeys = false, bool AllowOpenAdmin = false)
{
    public const string BypassVariable = "RATELIMITER_BYPASS_TOKEN";
    public const string AdminVariable = "RATELIMITER_ADMIN_TOKEN";
    public const string RequireRegisteredKeysVariable = "RATELIMITER_REQUIRE_REGISTERED_KEYS";
    public const string AllowOpenAdminVariable = "RATELIMITER_ALLOW_OPEN_ADMIN";
    public const string BypassHeader = "X-RateLimit-Bypass";
    public const string AdminHeader = "X-Admin-Token";

    /// <exception cref="InvalidOperationException">A switch holds something other than true or false.</exception>
    public static SecurityOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            NullIfEmpty(configuration[BypassVariable]),
            NullIfEmpty(configuration[AdminVariable]),
            Switch(configuration, RequireRegisteredKeysVariable),
            Switch(configuration, AllowOpenAdminVariable));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool Switch(IConfiguration configuration, string variable) =>
        NullIfEmpty(configuration[variable]) is not { } value ? false
        : bool.TryParse(value, out bool on) ? on
        : throw new InvalidOperationException($"{variable} must be true or false, got '{value}'.");
}
