using System.Net.Http.Json;
using RateLimiterOrleans.Lab.Stack;

namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// Measures one mode under one failure on a running stack, through nginx: fresh clients use part of their limit, the
/// failure happens under a steady load (which, for a frozen silo, also reaches that silo directly, as a client holding
/// a connection to it would), the stack is whole again, then each client sends more than the limit allows.
/// </summary>
public sealed class ChaosExperiment(LabStack stack, HttpClient http, ChaosSettings settings)
{
    private readonly ClusterMembership _membership = new(http, stack.Ports);

    private Uri Nginx => new($"http://127.0.0.1:{stack.Ports.Nginx}");

    public async Task<ChaosCell> RunAsync(string mode, ChaosFailure failure, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var failures = new SiloFailures(stack, _membership);
        await failures.RestoreAsync(cancel);
        await ConfigureAsync(mode, failure.FailMode);
        var clients = Enumerable.Range(0, settings.Clients).Select(i => $"chaos-{mode}-{failure.Name}-{i}-{Guid.NewGuid():N}").ToList();
        var traffic = new ClientTraffic(http, Nginx);
        var tally = new AdmissionTally();
        await traffic.EachAsync(clients, settings.Used, settings.InFlightPerClient, tally);

        if (failure != ChaosFailure.None)
        {
            using var stop = new CancellationTokenSource();
            var load = traffic.UntilAsync(clients, settings.LoadWorkers, tally, stop.Token, rate: settings.LoadRate);
            var direct = failure == ChaosFailure.Frozen
                ? traffic.UntilAsync(clients, settings.LoadWorkers, tally, stop.Token, new Uri($"http://127.0.0.1:{stack.Ports.Api[settings.Silo]}"), settings.LoadRate)
                : Task.CompletedTask;
            try
            {
                await Inflict(failures, failure, cancel);
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(load, direct);
            }

            await failures.RestoreAsync(cancel);
        }

        await traffic.EachAsync(clients, settings.LaterRequests, settings.InFlightPerClient, tally);
        int failed = clients.Sum(tally.Failed);
        return new ChaosCell(mode, failure, settings.Limit, [.. clients.Select(tally.Admitted)], tally.Requests, failed);
    }

    private Task Inflict(SiloFailures failures, ChaosFailure failure, CancellationToken cancel)
    {
        if (failure == ChaosFailure.Kill)
        {
            return failures.KillAsync(settings.Silo, cancel);
        }

        if (failure == ChaosFailure.Frozen)
        {
            return failures.FreezeAsync(settings.Silo, cancel);
        }

        return failure == ChaosFailure.RollingRestart
            ? failures.RollingRestartAsync(cancel)
            : failures.RedisOutageAsync(settings.RedisOutage, cancel);
    }

    private async Task ConfigureAsync(string mode, string failMode)
    {
        var body = new Dictionary<string, object>
        {
            ["mode"] = mode,
            ["algorithm"] = "sliding_window",
            ["rate_limit"] = settings.Limit,
            ["window_size_seconds"] = settings.WindowSeconds,
            ["fail_mode"] = failMode,
        };
        using var response = await http.PostAsJsonAsync(new Uri(Nginx, "/admin/config"), body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /admin/config answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
