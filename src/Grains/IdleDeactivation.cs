namespace RateLimiterOrleans.Grains;

/// <summary>
/// Deactivates an in-memory limiter grain once a whole window has passed since its last decision: by then
/// every entry has expired (or the bucket is full), so the activation holds nothing worth its memory.
/// Orleans' own idle collection would keep it for 15 minutes.
/// </summary>
internal sealed class IdleDeactivation(TimeProvider time)
{
    private long _lastUsed = time.GetTimestamp();

    public void Used() => _lastUsed = time.GetTimestamp();

    /// <summary>Checks once per window, so an idle grain goes between one and two windows after its last use.</summary>
    public void Start(Grain grain, ClusterConfigCache config, Action deactivate)
    {
        var period = config.IsReady ? config.Current.Config.Window : TimeSpan.FromMinutes(1);
        grain.RegisterGrainTimer(_ =>
        {
            var window = config.IsReady ? config.Current.Config.Window : period;
            if (time.GetElapsedTime(_lastUsed) >= window)
            {
                deactivate();
            }

            return Task.CompletedTask;
        }, period, period);
    }
}
