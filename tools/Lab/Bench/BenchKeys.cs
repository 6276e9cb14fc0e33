namespace RateLimiterOrleans.Lab.Bench;

/// <summary>How <c>wrk-report.lua</c> picks each request's API key among a set's clients.</summary>
public enum BenchKeys
{
    /// <summary>In turn, so every client is asked equally often from the first second.</summary>
    Rotate,

    /// <summary>Uniformly at random, so a client's first request (a new client) can come at any time in the run.</summary>
    Random,
}
