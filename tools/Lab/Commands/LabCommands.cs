namespace RateLimiterOrleans.Lab.Commands;

/// <summary>The subcommands of <c>./lab</c>.</summary>
public static class LabCommands
{
    public const string Usage = """
        usage: ./lab <command> [options]

          up [--observability]
                             install missing servers, build, start redis, api-1..3 and nginx (and prometheus), wait until healthy
          down               stop what 'up' started (silos before redis)
          status             show each component's pid and health
          logs <name> [-f]   show (or follow) the log of redis, api-1, api-2, api-3 or nginx
          load <basic|high-concurrency> [options]
                             send the k6 scenarios' load natively and summarise it ('./lab load' for its options)
          bench [options]    measure every mode against a baseline, peers and Redis' ceiling; rewrite docs/benchmarks.md
          test [options]     install what the tests need, then run every test (options go to dotnet test)

        options for up/down/status/logs:
          --base-port N      nginx on N, api-1..3 on N+1..N+3, redis on N+10 (default: the seed's 8080, 8001-8003, 6379)
        """;

    public static async Task<int> RunAsync(string[] args, LabPaths paths)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "test")
        {
            return await TestCommand.RunAsync(paths, args[1..]);
        }

        if (args[0] == "load")
        {
            return await LoadCommand.RunAsync(paths, args[1..]);
        }

        if (args[0] == "bench")
        {
            return await BenchCommand.RunAsync(paths, args[1..]);
        }

        var (options, error) = StackOptions.Parse(args[1..]);
        if (options is null)
        {
            Console.Error.WriteLine($"lab: {error}");
            return 2;
        }

        return args[0] switch
        {
            "up" => await UpCommand.RunAsync(paths, options),
            "down" => await DownCommand.RunAsync(paths, options),
            "status" => await StatusCommand.RunAsync(paths, options),
            "logs" => await LogsCommand.RunAsync(paths, options),
            _ => Unknown(args[0]),
        };
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"lab: unknown command '{command}'");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
