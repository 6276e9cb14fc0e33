namespace RateLimiterOrleans.Lab;

/// <summary>Where the repository and the lab's runtime state (<c>.lab/</c>) are.</summary>
public sealed record LabPaths(string Root)
{
    public string Solution => Path.Combine(Root, "RateLimiterOrleans.sln");

    public string State => Path.Combine(Root, ".lab");

    /// <summary>The repository root: the nearest folder upwards that holds the solution.</summary>
    public static LabPaths Discover()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RateLimiterOrleans.sln")))
            {
                return new LabPaths(directory.FullName);
            }
        }

        throw new InvalidOperationException("RateLimiterOrleans.sln not found above the lab's binaries.");
    }
}
