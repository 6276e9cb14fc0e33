using CliWrap;

namespace RateLimiterOrleans.Processes;

/// <summary>
/// Runs a program to completion with CliWrap, handing each line it writes (standard output and error, one
/// line at a time) to a callback. A run that outlives its <c>timeout</c> is killed with its child processes
/// and ends in a <see cref="TimeoutException"/> naming the program; cancelling the token kills it the same way.
/// </summary>
public static class ProcessRunner
{
    public static async Task<int> RunAsync(
        string file,
        IEnumerable<string> arguments,
        Action<string> onLine,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(onLine);

        // Standard output and error are read concurrently; the callback sees one line at a time.
        var gate = new Lock();
        var lines = PipeTarget.ToDelegate(line =>
        {
            lock (gate)
            {
                onLine(line);
            }
        });
        var command = Cli.Wrap(file)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory ?? Environment.CurrentDirectory)
            .WithEnvironmentVariables(variables =>
            {
                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                {
                    variables.Set(name, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(lines)
            .WithStandardErrorPipe(lines);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limitAfter)
        {
            limit.CancelAfter(limitAfter);
        }

        try
        {
            var result = await command.ExecuteAsync(limit.Token);
            return result.ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout is { } within)
        {
            string program = string.Join(' ', arguments.Take(1).Prepend(Path.GetFileName(file)));
            throw new TimeoutException($"'{program}' did not finish within {Describe(within)}; it was stopped.");
        }
    }

    private static string Describe(TimeSpan timeout) =>
        timeout >= TimeSpan.FromMinutes(2) ? $"{timeout.TotalMinutes:0} min" : $"{timeout.TotalSeconds:0} s";
}
