using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Setup;

/// <summary>Builds the silo in Release, as <c>up</c> and <c>bench</c> run it; shows the output only on failure.</summary>
public static class SiloBuild
{
    public static async Task<bool> BuildAsync(LabPaths paths, CancellationToken cancel = default)
    {
        var output = new List<string>();
        if (await ProcessRunner.RunAsync("dotnet", ["build", paths.SiloProject, "-c", "Release", "-v", "q", "--nologo"], output.Add, paths.Root, timeout: TimeSpan.FromMinutes(10), cancellationToken: cancel) == 0)
        {
            return true;
        }

        output.ForEach(Console.Error.WriteLine);
        Console.Error.WriteLine("lab: the build failed");
        return false;
    }
}
