using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.CommandLine;

/// <summary>
/// The kinds of option values the lab's commands take, each parsed and bounded in one place, so every
/// command rejects a bad value with a message that names the option.
/// </summary>
public static class OptionValues
{
    /// <summary><c>--base-port N</c>: nginx on N and every other port of the stack after it.</summary>
    public static Option<StackPorts?> BasePort() => Parsed<StackPorts?>(
        "--base-port",
        "N",
        "run beside the default lab: nginx on N, api-1..3 on N+1..N+3, Prometheus on N+9, Redis on N+10 (default: the seed's 8080, 8001-8003, 9090, 6379)",
        "a port number from 1024 to 65505",
        text => TryInteger(text, 1024, 65505) is { } port ? StackPorts.FromBase(port) : null);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Integer(string name, int min, int max, string description) => Parsed<int?>(
        name, "N", $"{description} ({min:N0} to {max:N0})", $"a whole number from {min:N0} to {max:N0}", text => TryInteger(text, min, max));

    /// <summary>A duration written as <c>30s</c>, <c>2m</c> or a number of seconds, from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<TimeSpan?> Duration(string name, TimeSpan min, TimeSpan max, string description) => Parsed<TimeSpan?>(
        name,
        "D",
        $"{description}: 30s, 2m or seconds ({Describe(min)} to {Describe(max)})",
        $"a duration from {Describe(min)} to {Describe(max)} such as 30s or 2m",
        text => TryDuration(text) is { } duration && duration >= min && duration <= max ? duration : null);

    /// <summary>An absolute http or https URL.</summary>
    public static Option<Uri?> HttpUrl(string name, string description) => Parsed(
        name, "URL", description, "an http:// or https:// URL",
        text => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null);

    /// <summary>A comma-separated list of non-empty values.</summary>
    public static Option<string[]?> List(string name, string description) => Parsed(
        name, "A,B,...", description, "at least one value",
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } values ? values : null);

    /// <summary>Whether the option was written on the command line (an option with an optional value may have none).</summary>
    public static bool IsGiven(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    // One value per option; a value that does not parse is an error naming the option, the expectation and the value.
    private static Option<T> Parsed<T>(string name, string helpName, string description, string expected, Func<string, T> parse) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (parse(text) is { } value)
            {
                return value;
            }

            result.AddError($"{name} needs {expected}, got '{text}'");
            return default;
        },
    };

    private static int? TryInteger(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value : null;

    private static TimeSpan? TryDuration(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        (string number, int unit) = text[^1] switch
        {
            's' => (text[..^1], 1),
            'm' => (text[..^1], 60),
            _ => (text, 1),
        };
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int amount) ? TimeSpan.FromSeconds((long)amount * unit) : null;
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalHours: >= 1 } => $"{span.TotalHours:0} h",
        { TotalMinutes: >= 1 } => $"{span.TotalMinutes:0} min",
        _ => $"{span.TotalSeconds:0} s",
    };
}
