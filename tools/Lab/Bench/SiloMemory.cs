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

    /// <summary>
    /// The most the silos may keep, once the grains have gone, of what the grains held at the peak: the bench's target.
    /// Measured against the burst rather than the idle base, since what stays is the capacity that the grain directory's
    /// partition, the catalog and Orleans' id tables grew to at the peak (emptied, not shrunk, and reused by the next
    /// burst), a fixed amount that a small idle base would make look large.
    /// </summary>
    public const double KeptAtMost = 0.10;

    // Each silo keeps the location of every grain it called in its directory cache, bounded and expiring a minute
    // or two after last use (SiloHostingExtensions), so the heap comes down shortly after the grains have gone.
    private static readonly TimeSpan HeapDeadline = TimeSpan.FromMinutes(3);

    /// <param name="ReadAfter">From the end of the burst until the heap kept at most <see cref="KeptAtMost"/> of the burst, or the deadline.</param>
    public sealed record Result(int Clients, long BaseBytes, long ActiveBytes, long ActiveGrains, long AfterBytes, TimeSpan DeactivatedAfter, TimeSpan ReadAfter)
    {
        public bool GaveBack => KeptShare <= KeptAtMost;

        public double BytesPerGrain => ActiveGrains == 0 ? 0 : (ActiveBytes - BaseBytes) / (double)ActiveGrains;

        public double AfterOverBase => AfterBytes / (double)BaseBytes - 1;

        /// <summary>What the heap still held above its base once the grains had gone, as a share of what the burst added.</summary>
        public double KeptShare => ActiveBytes <= BaseBytes ? 0 : Math.Max(0, AfterBytes - BaseBytes) / (double)(ActiveBytes - BaseBytes);
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

        var (activeBytes, activeGrains, _) = await _grains.ReadAsync(collect: true);
        progress($"  {activeGrains} client grains active; waiting for them to deactivate");
        var sinceBurst = Stopwatch.StartNew();
        var waited = await WaitUntilNoGrains();
        progress("  waiting for the heap to give back what the grains held");
        while (true)
        {
            long afterBytes = (await _grains.ReadAsync(collect: true)).ManagedBytes;
            var result = new Result(clients, baseBytes, activeBytes, activeGrains, afterBytes, waited, sinceBurst.Elapsed);
            if (result.GaveBack || sinceBurst.Elapsed >= waited + HeapDeadline)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
        }
    }

    private async Task<TimeSpan> WaitUntilNoGrains() => (await _grains.WaitUntilNoneAsync(TimeSpan.FromMinutes(2))).Waited;
}
