using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Bench;

/// <summary>
/// The <c>grain</c>-mode client grains active in the three silos, and their managed heap, each silo asked directly. A
/// client grain deactivates one to two windows after its client's last request and hands its count to Redis then, so
/// the grains one measurement leaves behind are work for whatever is measured next; so are the bare grains of the
/// grain call's ceiling, which deactivate as they do.
/// </summary>
public sealed class SiloClientGrains(StackPorts ports, HttpClient http)
{
    public sealed record Reading(long ManagedBytes, long Grains, long BareGrains);

    /// <summary>Summed over the silos; <paramref name="collect"/> makes each run a full collection first.</summary>
    public async Task<Reading> ReadAsync(bool collect)
    {
        long bytes = 0, grains = 0, bare = 0;
        foreach (int port in ports.Api)
        {
            var memory = await http.GetFromJsonAsync<JsonObject>($"http://127.0.0.1:{port}/admin/memory?collect={(collect ? "true" : "false")}");
            bytes += memory!["managed_bytes"]!.GetValue<long>();
            grains += memory["client_grains"]!.GetValue<long>();
            bare += memory["bare_client_grains"]!.GetValue<long>();
        }

        return new Reading(bytes, grains, bare);
    }

    /// <summary>Waits until no client grain, limiting or bare, is active, or <paramref name="deadline"/> passes: how long it waited, and how many were left.</summary>
    public async Task<(TimeSpan Waited, long Left)> WaitUntilNoneAsync(TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        long left;
        while ((left = await ActiveAsync()) > 0 && clock.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return (clock.Elapsed, left);
    }

    private async Task<long> ActiveAsync()
    {
        var reading = await ReadAsync(collect: false);
        return reading.Grains + reading.BareGrains;
    }
}
