using System.Globalization;

namespace RateLimiterOrleans.Lab.Load;

/// <summary>
/// <c>./lab load</c>'s arguments: a scenario name, then overrides of its shape. Every value is checked
/// and bounded, so a run always ends by itself; an error names the option at fault.
/// </summary>
public sealed record LoadOptions(LoadScenario Scenario, Uri? Target, string? JsonFile, bool Json)
{
    public const string Usage = """
        usage: ./lab load <basic|high-concurrency> [options]
          --rate N            requests per second (1-100000); high-concurrency's default is 200
          --duration D        run length: 30s, 2m or seconds (1 s to 1 h)
          --concurrency N     requests in flight at most (1-10000)
          --clients A,B,...   the X-API-Key values to use, in turn
          --target URL        where to send (default: the running lab's nginx)
          --json [FILE]       write the summary as JSON to FILE, or to standard output
        """;

    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || LoadScenario.Named(args[0]) is not { } scenario)
        {
            return (null, $"load needs a scenario: basic or high-concurrency{(args.Count > 0 ? $", got '{args[0]}'" : "")}");
        }

        Uri? target = null;
        string? jsonFile = null;
        bool json = false;
        for (int i = 1; i < args.Count; i++)
        {
            string option = args[i];
            string? value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
            string? error = null;
            switch (option)
            {
                case "--json":
                    json = true;
                    jsonFile = value;
                    break;
                case "--rate" when TryInt(value, 1, 100_000, out int rate):
                    scenario = scenario with { Rate = rate };
                    break;
                case "--concurrency" when TryInt(value, 1, 10_000, out int concurrency):
                    scenario = scenario with { Concurrency = concurrency };
                    break;
                case "--duration" when TryDuration(value, out var duration):
                    scenario = scenario with { Duration = duration };
                    break;
                case "--clients" when value is not null && value.Split(',', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } clients:
                    scenario = scenario with { Clients = clients };
                    break;
                case "--target" when Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https":
                    target = uri;
                    break;
                case "--rate" or "--concurrency" or "--duration" or "--clients" or "--target":
                    error = $"{option} has a missing or invalid value{(value is null ? "" : $": '{value}'")}";
                    break;
                default:
                    error = $"unknown option '{option}'";
                    break;
            }

            if (error is not null)
            {
                return (null, error);
            }

            i += value is not null ? 1 : 0;
        }

        return (new LoadOptions(scenario, target, jsonFile, json), null);
    }

    private static bool TryInt(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static bool TryDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        (string number, int unit) = text[^1] switch
        {
            's' => (text[..^1], 1),
            'm' => (text[..^1], 60),
            _ => (text, 1),
        };
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int amount))
        {
            return false;
        }

        duration = TimeSpan.FromSeconds((long)amount * unit);
        return duration >= TimeSpan.FromSeconds(1) && duration <= TimeSpan.FromHours(1);
    }
}
