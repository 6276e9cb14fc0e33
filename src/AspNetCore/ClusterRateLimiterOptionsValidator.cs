using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.AspNetCore;

/// <summary>Refuses to start with options that could not limit anything, naming the option at fault.</summary>
public sealed class ClusterRateLimiterOptionsValidator : IValidateOptions<ClusterRateLimiterOptions>
{
    public static readonly TimeSpan MaxDecisionTimeout = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, ClusterRateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Key is null)
        {
            failures.Add($"{nameof(ClusterRateLimiterOptions)}.{nameof(options.Key)} must be set: the function that says who a request counts against.");
        }

        if (options.Cost is null)
        {
            failures.Add($"{nameof(ClusterRateLimiterOptions)}.{nameof(options.Cost)} must not be null.");
        }

        if (options.DecisionTimeout <= TimeSpan.Zero || options.DecisionTimeout > MaxDecisionTimeout)
        {
            failures.Add($"{nameof(ClusterRateLimiterOptions)}.{nameof(options.DecisionTimeout)} must be above zero and at most {MaxDecisionTimeout.TotalSeconds:0} s, got {options.DecisionTimeout}.");
        }

        if (!Enum.IsDefined(options.WhenClusterUnavailable))
        {
            failures.Add($"{nameof(ClusterRateLimiterOptions)}.{nameof(options.WhenClusterUnavailable)} must be {string.Join(" or ", Enum.GetNames<ClusterUnavailablePolicy>())}, got {options.WhenClusterUnavailable}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
