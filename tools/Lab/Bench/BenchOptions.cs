using System.Globalization;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The shape of one <c>./lab bench</c> run. Every HTTP row gets the same load generator (wrk), the same
/// connections, clients and duration, so rows differ only in what decides.
/// </summary>
public sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(8);

    public int Rounds { get; init; } = 2;

    public int Connections { get; init; } = 32;

    /// <summary>
    /// Distinct API keys the load rotates over: few enough that each is limited many times over in a run,
    /// and that concurrent requests for one key meet, which is when naive counting races.
    /// </summary>
    public int Clients { get; init; } = 20;

    /// <summary>Per client, so the load exceeds it and over-admission can show.</summary>
    public int RateLimit { get; init; } = 100;

    public int WindowSeconds { get; init; } = 10;

    /// <summary>One-off clients for the silo memory measurement.</summary>
    public int ScaleClients { get; init; } = 100_000;

    public bool Micro { get; init; } = true;

    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            (options, string? error, bool consumed) = args[i] switch
            {
                "--duration" when Int(value, 1, 120) is { } seconds => (options with { Duration = TimeSpan.FromSeconds(seconds) }, null, true),
                "--rounds" when Int(value, 1, 10) is { } rounds => (options with { Rounds = rounds }, null, true),
                "--connections" when Int(value, 1, 1024) is { } connections => (options with { Connections = connections }, null, true),
                "--scale-clients" when Int(value, 1_000, 1_000_000) is { } clients => (options with { ScaleClients = clients }, null, true),
                "--no-micro" => (options with { Micro = false }, null, false),
                _ => (options, $"unknown option or bad value: {args[i]} {value}", false),
            };
            if (error is not null)
            {
                return (null, error);
            }

            i += consumed ? 1 : 0;
        }

        return (options, null);
    }

    private static int? Int(string? text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value : null;
}
