using System.Diagnostics;
using System.Net.Http.Json;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// What client grains cost in the silos, and whether the silos give it back: a burst of one-off clients
/// in <c>grain</c> mode, the managed heap after a full collection before, during and after, and the wait
/// until every idle grain has deactivated itself once its window passed.
/// </summary>
public sealed class SiloMemory(StackPorts ports, HttpClient http, Action<string> progress)
{
    private readonly SiloClientGrains _grains = new(ports, http);

    // Longer than the burst takes, so every one-off client's grain is still active when it ends.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>How close to its idle base the heap must come back once the grains have gone: the bench's target.</summary>
    public const double BackWithin = 0.10;

    // Each silo keeps the location of every grain it called in its directory cache, bounded and expiring a minute
    // or two after last use (SiloHostingExtensions), so the heap comes back shortly after the grains have gone.
    private static readonly TimeSpan HeapDeadline = TimeSpan.FromMinutes(3);

    /// <param name="BackAfter">From the end of the burst until the heap was back within <see cref="BackWithin"/> of the base, or the deadline.</param>
    public sealed record Result(int Clients, long BaseBytes, long ActiveBytes, long ActiveGrains, long AfterBytes, TimeSpan DeactivatedAfter, TimeSpan BackAfter)
    {
        public bool Back => AfterOverBase <= BackWithin;

        public double BytesPerGrain => ActiveGrains == 0 ? 0 : (ActiveBytes - BaseBytes) / (double)ActiveGrains;

        public double AfterOverBase => AfterBytes / (double)BaseBytes - 1;
    }

    public async Task<Result> RunAsync(int clients)
    {
        using var configure = await http.PostAsJsonAsync($"http://127.0.0.1:{ports.Nginx}/admin/config",
            new Dictionary<string, object> { ["mode"] = "grain", ["algorithm"] = "sliding_window", ["rate_limit"] = 100, ["window_size_seconds"] = (int)Window.TotalSeconds });
        configure.EnsureSuccessStatusCode();
        // Client grains left by the bench's own grain rows are not part of the idle base.
        await WaitUntilNoGrains();
        long baseBytes = (await _grains.ReadAsync(collect: true)).ManagedBytes;

        progress($"  sending {clients} one-off clients in grain mode");
        string prefix = Guid.NewGuid().ToString("N")[..8];
        using var slots = new SemaphoreSlim(64);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{ports.Nginx}/api/request");
                request.Headers.Add("X-API-Key", $"scale-{prefix}-{i}");
                using var response = await http.SendAsync(request);
            }
            finally
            {
                slots.Release();
            }
        }));

        var (activeBytes, activeGrains) = await _grains.ReadAsync(collect: true);
        progress($"  {activeGrains} client grains active; waiting for them to deactivate");
        var sinceBurst = Stopwatch.StartNew();
        var waited = await WaitUntilNoGrains();
        progress("  waiting for the heap to come back to its base");
        long afterBytes;
        while ((afterBytes = (await _grains.ReadAsync(collect: true)).ManagedBytes) > baseBytes * (1 + BackWithin) && sinceBurst.Elapsed < waited + HeapDeadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        return new Result(clients, baseBytes, activeBytes, activeGrains, afterBytes, waited, sinceBurst.Elapsed);
    }

    private async Task<TimeSpan> WaitUntilNoGrains() => (await _grains.WaitUntilNoneAsync(TimeSpan.FromMinutes(2))).Waited;
}
