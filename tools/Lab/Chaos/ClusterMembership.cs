using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// The cluster's own view of its membership, read from each silo's <c>/health</c> (<c>active_silos</c>): a killed or
/// frozen silo has been replaced once the survivors count it out, a restarted one has joined once every silo counts it.
/// </summary>
public sealed class ClusterMembership(HttpClient http, StackPorts ports)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until each of <paramref name="silos"/> counts exactly <paramref name="active"/> active silos.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="deadline"/>.</exception>
    public async Task UntilActiveAsync(IEnumerable<int> silos, int active, TimeSpan deadline, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var asking = silos.ToList();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var counts = await Task.WhenAll(asking.Select(ActiveSilosAsync));
            if (counts.All(count => count == active))
            {
                return;
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"api-{string.Join(",", asking.Select(i => i + 1))} did not all count {active} active silos within {deadline.TotalSeconds:0} s (they count {string.Join(", ", counts.Select(c => c?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"))}).");
            }

            await Task.Delay(Poll, cancel);
        }
    }

    /// <summary>Every silo counts every silo: the cluster is whole.</summary>
    public Task UntilWholeAsync(TimeSpan deadline, CancellationToken cancel = default) =>
        UntilActiveAsync(Enumerable.Range(0, StackPorts.Silos), StackPorts.Silos, deadline, cancel);

    /// <summary>The survivors of <paramref name="lost"/> count it out: its grains are activated elsewhere on their next call.</summary>
    public Task UntilReplacedAsync(int lost, TimeSpan deadline, CancellationToken cancel = default) =>
        UntilActiveAsync(Enumerable.Range(0, StackPorts.Silos).Where(i => i != lost), StackPorts.Silos - 1, deadline, cancel);

    // /health answers 503 with the same body while a check fails, so the count is read whatever the status.
    private async Task<int?> ActiveSilosAsync(int silo)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{ports.Api[silo]}/health"));
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["active_silos"]?.GetValue<int>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
