using System.Net;
using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.Silo.Hosting;

/// <summary>Refuses a silo configuration that could not join a cluster, naming the setting.</summary>
internal sealed class SiloHostingOptionsValidator : IValidateOptions<SiloHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloHostingOptions options)
    {
        var failures = new List<string>();
        string section = SiloHostingOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{section}:{nameof(options.ClusterId)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{section}:{nameof(options.ServiceId)} must not be empty.");
        }

        if (!IPAddress.TryParse(options.AdvertisedIP, out _))
        {
            failures.Add($"{section}:{nameof(options.AdvertisedIP)} must be an IP address, got '{options.AdvertisedIP}'.");
        }

        if (options.SiloPort is < 1 or > 65535)
        {
            failures.Add($"{section}:{nameof(options.SiloPort)} must be a port number, got {options.SiloPort}.");
        }

        if (options.GatewayPort is { } gateway && (gateway is < 1 or > 65535 || gateway == options.SiloPort))
        {
            failures.Add($"{section}:{nameof(options.GatewayPort)} must be a port number other than the silo port, got {gateway}.");
        }

        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.ResponseTimeout)} must be positive, got {options.ResponseTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
