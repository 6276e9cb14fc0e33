using System.Diagnostics;

namespace RateLimiterOrleans.Processes;

/// <summary>Runs a program to completion, optionally streaming each output line to a callback.</summary>
public static class ProcessRunner
{
    public static async Task<int> RunAsync(
        string file,
        IEnumerable<string> arguments,
        Action<string>? onLine = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = onLine is not null,
            RedirectStandardError = onLine is not null,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        if (onLine is not null)
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
