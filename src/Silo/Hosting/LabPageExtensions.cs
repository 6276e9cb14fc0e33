using RateLimiterOrleans.Silo.Agents;
using RateLimiterOrleans.Silo.Experiments;

namespace RateLimiterOrleans.Silo.Hosting;

public static class LabPageExtensions
{
    /// <summary>
    /// The lab page's services: each silo's agent and its placement, the experiments, the cluster view, and
    /// the page's static files, served from the build output as from a published app.
    /// </summary>
    public static WebApplicationBuilder AddRateLimiterLab(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Outside Development, files under wwwroot are only found in a published app; the lab runs the build output.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // At start, so a setting such as Chaos=yes stops the silo with the binder's message naming the key.
        services.AddOptions<LabOptions>().Bind(builder.Configuration.GetSection(LabOptions.SectionName)).ValidateOnStart();
        services.AddPlacementDirector<SiloNamePlacement, SiloNamePlacementDirector>();
        services.AddSingleton<SiloDirectory>();
        services.AddSingleton<LabRedis>();
        services.AddSingleton<ClusterView>();
        services.AddSingleton<BurstRunner>();
        services.AddSingleton<ModeComparison>();
        services.AddSingleton<GrainWhereabouts>();
        return builder;
    }
}
