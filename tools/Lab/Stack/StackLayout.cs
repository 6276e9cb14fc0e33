namespace RateLimiterOrleans.Lab.Stack;

/// <summary>Where one stack's binaries, state, data and logs are.</summary>
/// <param name="Root">The repository root (for nginx.conf).</param>
/// <param name="StateDirectory">This stack's own directory: <c>.lab/</c> for the lab, a temp dir for a test.</param>
/// <param name="SiloAssembly">The built silo, run with <c>dotnet</c>.</param>
public sealed record StackLayout(string Root, string StateDirectory, string SiloAssembly)
{
    public string StateFile => Path.Combine(StateDirectory, "stack.json");

    public string LogDirectory => Path.Combine(StateDirectory, "logs");

    public string RedisDirectory => Path.Combine(StateDirectory, "redis");

    public string NginxDirectory => Path.Combine(StateDirectory, "nginx");

    public string PrometheusDirectory => Path.Combine(StateDirectory, "prometheus");

    public string NginxTemplate => Path.Combine(Root, "nginx.conf");

    public string LogFile(string component) => Path.Combine(LogDirectory, $"{component}.log");

    /// <summary>The lab's own layout: state in <c>.lab/</c>, the Release build of the silo.</summary>
    public static StackLayout ForLab(LabPaths paths) => new(
        paths.Root,
        paths.State,
        paths.SiloAssembly("Release"));
}
