using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary><c>./lab logs &lt;name&gt; [-f]</c>: the last lines of a component's log, optionally following it.</summary>
public static class LogsCommand
{
    public static async Task<int> RunAsync(LabPaths paths, StackOptions options)
    {
        var rest = options.Rest;
        string? name = rest.FirstOrDefault(a => !a.StartsWith('-'));
        if (name is null || !StackNames.All.Contains(name))
        {
            Console.Error.WriteLine($"lab: logs needs one of: {string.Join(", ", StackNames.All)}");
            return 2;
        }

        string file = StackLayout.ForLab(paths).LogFile(name);
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"lab: no log yet for {name} ({file})");
            return 1;
        }

        bool follow = rest.Contains("-f") || rest.Contains("--follow");
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        foreach (var line in (await reader.ReadToEndAsync()).Split('\n').TakeLast(100))
        {
            Console.WriteLine(line);
        }

        while (follow)
        {
            string? line = await reader.ReadLineAsync();
            if (line is null)
            {
                await Task.Delay(250);
                continue;
            }

            Console.WriteLine(line);
        }

        return 0;
    }
}
