using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateLimiterOrleans.AspNetCore;

public static class ClusterRateLimiterServiceCollectionExtensions
{
    /// <summary>
    /// Makes the cluster the app's global rate limiter: <c>AddRateLimiter</c> with a
    /// <see cref="ClusterPartitionedRateLimiter"/>, the status 429 for refusals and <see cref="ClusterRejection"/> to
    /// answer them. The app must also register the cluster (<c>UseOrleansClient</c> or <c>UseOrleans</c>) and call
    /// <c>app.UseRateLimiter()</c>. The options are checked when the app starts.
    /// </summary>
    public static IServiceCollection AddClusterRateLimiter(this IServiceCollection services, Action<ClusterRateLimiterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ClusterRateLimiterOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterRateLimiterOptions>, ClusterRateLimiterOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ClusterPartitionedRateLimiter(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<IOptions<ClusterRateLimiterOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClusterPartitionedRateLimiter>((o, limiter) =>
        {
            o.GlobalLimiter = limiter;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = ClusterRejection.WriteAsync;
        });
        return services;
    }
}
