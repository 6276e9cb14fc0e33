using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.Grains;

/// <summary>Refuses bad settings at start, naming the setting, rather than at the first request.</summary>
internal sealed class RateLimiterOptionsValidator : IValidateOptions<RateLimiterOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimiterOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.InstanceName))
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.InstanceName)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.Redis)} must name a Redis endpoint.");
        }

        var patch = new ConfigPatch(options.DefaultMode, RateLimit: options.DefaultRateLimit, WindowSizeSeconds: options.DefaultWindowSizeSeconds);
        if (ConfigRules.Apply(ConfigRules.Fallback, patch).Error is { } error)
        {
            failures.Add($"{RateLimiterOptions.SectionName}: default {error.Field} {error.Message}");
        }

        if (options.RedisTimeout <= TimeSpan.Zero || options.RedisTimeout > TimeSpan.FromSeconds(5))
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.RedisTimeout)} must be between 0 and 5 s, got {options.RedisTimeout}.");
        }

        if (options.MaxDecisionsInFlight < 1)
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.MaxDecisionsInFlight)} must be at least 1, got {options.MaxDecisionsInFlight}.");
        }

        if (options.DecisionQueueLimit < 0)
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.DecisionQueueLimit)} must not be negative, got {options.DecisionQueueLimit}.");
        }

        if (options.GrainReservation is < 0 or > ConfigRules.MaxRateLimit)
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.GrainReservation)} must be from 0 (a tenth of the limit) to {ConfigRules.MaxRateLimit}, got {options.GrainReservation}.");
        }

        if (options.IdleCheck < TimeSpan.Zero || options.IdleCheck > TimeSpan.FromHours(1))
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.IdleCheck)} must be from 0 (once per the client's window) to 1 hour, got {options.IdleCheck}.");
        }

        if (options.ConfigReadyTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{RateLimiterOptions.SectionName}:{nameof(options.ConfigReadyTimeout)} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
