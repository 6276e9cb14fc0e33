namespace RateLimiterOrleans.Stores.Tests;

/// <summary>
/// One step of a timeline: after <see cref="Wait"/>, a request of <see cref="Permits"/> under <see cref="Policy"/>.
/// Waits are whole milliseconds, the finest time the token-bucket script counts in.
/// </summary>
public sealed record ConformanceStep(TimeSpan Wait, ConformancePolicy Policy, int Permits)
{
    public override string ToString() => $"+{Wait.TotalMilliseconds:0} ms, {Policy}, cost {Permits}";
}

/// <summary>A client's policy at one step: the algorithm, the limit and the window (or refill period).</summary>
public sealed record ConformancePolicy(bool TokenBucket, int Limit, TimeSpan Window)
{
    public override string ToString() => $"{(TokenBucket ? "token_bucket" : "sliding_window")} {Limit} per {Window.TotalSeconds:0.###} s";
}
