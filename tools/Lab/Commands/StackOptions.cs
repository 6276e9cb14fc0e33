using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Commands;

/// <summary>The options <c>up</c>, <c>down</c>, <c>status</c> and <c>logs</c> share.</summary>
public sealed record StackOptions(StackPorts Ports, IReadOnlyList<string> Rest)
{
    public bool Observability => Rest.Contains("--observability");

    /// <summary>Reads <c>--base-port N</c> and leaves the other arguments in order; an error names the option.</summary>
    public static (StackOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var ports = StackPorts.Default;
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] != "--base-port")
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], out int basePort) || basePort is < 1024 or > 65505)
            {
                return (null, "--base-port needs a port number from 1024 to 65505");
            }

            ports = StackPorts.FromBase(basePort);
            i++;
        }

        return (new StackOptions(ports, rest), null);
    }
}
