namespace RateLimiterOrleans.Processes;

/// <summary>Finds a program on PATH, including the sbin directories Debian puts servers in.</summary>
public static class Executables
{
    private static readonly string[] ExtraDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

    public static string Find(string name) =>
        TryFind(name) ?? throw new FileNotFoundException($"'{name}' is not installed; './lab up' or './lab test' installs it.", name);

    public static string? TryFind(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }
}
