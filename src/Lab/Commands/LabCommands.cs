namespace RateLimiterOrleans.Lab.Commands;

/// <summary>The subcommands of <c>./lab</c>.</summary>
public static class LabCommands
{
    public const string Usage = """
        usage: ./lab <command>

          test [dotnet test options]   install what the tests need, then run every test
        """;

    public static async Task<int> RunAsync(string[] args, LabPaths paths)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        switch (args[0])
        {
            case "test":
                return await TestCommand.RunAsync(paths, args[1..]);
            default:
                Console.Error.WriteLine($"lab: unknown command '{args[0]}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
