namespace RateLimiterOrleans.Grains;

/// <summary>
/// Deactivates a <c>grain</c>-mode client grain once its own count holds nothing: every entry has left the client's
/// window, or its bucket is full again. Orleans' own idle collection would keep it for 15 minutes, and going by
/// time alone would forget the count of a client whose tier has a longer window than the default.
/// </summary>
internal static class IdleDeactivation
{
    private static readonly TimeSpan MinCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxCheck = TimeSpan.FromSeconds(60);

    /// <param name="window">The client's window when the grain activates: checks come once per window, within 1 to 60 s.</param>
    /// <param name="check">The period of the checks instead, when positive (<c>RateLimiter:IdleCheck</c>).</param>
    public static void Start(Grain grain, TimeSpan window, TimeSpan check, Func<bool> isIdle, Action deactivate)
    {
        ArgumentNullException.ThrowIfNull(grain);
        var period = Period(window, check);
        grain.RegisterGrainTimer(_ =>
        {
            if (isIdle())
            {
                deactivate();
            }

            return Task.CompletedTask;
        }, period, period);
    }

    /// <summary>How often a count is checked for idleness: <paramref name="check"/> when positive, else once per window within 1 to 60 s.</summary>
    public static TimeSpan Period(TimeSpan window, TimeSpan check) =>
        check > TimeSpan.Zero ? check : TimeSpan.FromTicks(Math.Clamp(window.Ticks, MinCheck.Ticks, MaxCheck.Ticks));
}
