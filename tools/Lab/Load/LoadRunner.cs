using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using RateLimiterOrleans.Algorithms;

namespace RateLimiterOrleans.Lab.Load;

/// <summary>Sends a scenario's load at a target, reports progress every second, and summarises the run.</summary>
public sealed class LoadRunner(Uri target, Action<string> progress)
{
    public async Task<LoadSummary> RunAsync(LoadScenario scenario, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = scenario.Concurrency, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var (mode, limit, window, tokenBucket) = await InstanceStats.ConfigAsync(http, target);

        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        stop.CancelAfter(scenario.Duration);
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var reporting = Task.Run(async () =>
        {
            while (await ticker.WaitForNextTickAsync(CancellationToken.None) && !stop.IsCancellationRequested)
            {
                progress($"{clock.Elapsed.TotalSeconds,5:0}s  sent {tally.Requests}  ok {tally.Allowed}  429 {tally.Rejected}  errors {tally.Errors}");
            }
        });

        await (scenario.Rate is { } rate
            ? RunAtRate(http, scenario, rate, tally, stop.Token)
            : RunClosedLoop(http, scenario, tally, stop.Token));
        double seconds = clock.Elapsed.TotalSeconds;
        ticker.Dispose();
        await reporting;

        var span = TimeSpan.FromSeconds(seconds);
        long allowedAtMost = scenario.Clients.Count * (tokenBucket
            ? new TokenBucketPolicy(limit, TimeSpan.FromSeconds(window)).MostAdmittedIn(span)
            : new SlidingWindowPolicy(limit, TimeSpan.FromSeconds(window)).MostAdmittedIn(span));
        return new LoadSummary(
            scenario.Name, target.ToString(), mode, limit, window, seconds,
            tally.Requests, tally.Allowed, tally.Rejected, tally.Errors, tally.FailOpen, tally.Dropped,
            tally.ByInstance.ToDictionary(), allowedAtMost, Math.Max(0, tally.Allowed - allowedAtMost), tally.Races,
            tally.Latencies.Percentiles(), LatencyFromIntendedStart: scenario.Rate is not null);
    }

    private async Task RunAtRate(HttpClient http, LoadScenario scenario, int rate, Tally tally, CancellationToken stop)
    {
        long origin = Stopwatch.GetTimestamp();
        using var slots = new SemaphoreSlim(scenario.Concurrency);
        var inFlight = new List<Task>();
        for (long i = 0; i < scenario.MaxRequests && !stop.IsCancellationRequested; i++)
        {
            long due = origin + i * Stopwatch.Frequency / rate;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (stop.IsCancellationRequested)
            {
                break;
            }

            // Like k6's dropped_iterations: a request with no free slot at its start time is not sent late.
            if (!slots.Wait(0))
            {
                tally.Drop();
                continue;
            }

            string client = scenario.Clients[(int)(i % scenario.Clients.Count)];
            inFlight.Add(SendAndRelease(http, client, due, tally, slots));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task RunClosedLoop(HttpClient http, LoadScenario scenario, Tally tally, CancellationToken stop)
    {
        long sequence = -1;
        await Task.WhenAll(Enumerable.Range(0, scenario.Concurrency).Select(async _ =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref sequence) < scenario.MaxRequests)
            {
                await Send(http, scenario.Clients[(int)(sequence % scenario.Clients.Count)], Stopwatch.GetTimestamp(), tally);
                await Task.Delay(scenario.ThinkTime, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }));
    }

    private async Task SendAndRelease(HttpClient http, string client, long dueTimestamp, Tally tally, SemaphoreSlim slots)
    {
        try
        {
            await Send(http, client, dueTimestamp, tally);
        }
        finally
        {
            slots.Release();
        }
    }

    // Latency runs from startTimestamp: the request's scheduled start at a fixed rate, its actual start otherwise.
    private async Task Send(HttpClient http, string client, long startTimestamp, Tally tally)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target, "/api/request"));
            request.Headers.TryAddWithoutValidation("X-API-Key", client);
            using var response = await http.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();
            var json = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests ? JsonNode.Parse(body) : null;
            bool failOpen = json?["fail_open"]?.GetValue<bool>() == true;
            bool race = json?["race_detected"]?.GetValue<bool>() == true;
            tally.Record(response.StatusCode, json?["instance"]?.ToString(), failOpen, race, Stopwatch.GetElapsedTime(startTimestamp));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            tally.Record(null, null, failOpen: false, race: false, Stopwatch.GetElapsedTime(startTimestamp));
        }
    }

    /// <summary>Counters shared by every request of a run.</summary>
    private sealed class Tally
    {
        private long _requests, _allowed, _rejected, _errors, _failOpen, _races, _dropped;

        public long Requests => Interlocked.Read(ref _requests);

        public long Allowed => Interlocked.Read(ref _allowed);

        public long Rejected => Interlocked.Read(ref _rejected);

        public long Errors => Interlocked.Read(ref _errors);

        public long FailOpen => Interlocked.Read(ref _failOpen);

        public long Races => Interlocked.Read(ref _races);

        public long Dropped => Interlocked.Read(ref _dropped);

        public ConcurrentDictionary<string, long> ByInstance { get; } = new(StringComparer.Ordinal);

        public LatencyHistogram Latencies { get; } = new();

        public void Drop() => Interlocked.Increment(ref _dropped);

        public void Record(HttpStatusCode? status, string? instance, bool failOpen, bool race, TimeSpan took)
        {
            Interlocked.Increment(ref _requests);
            if (failOpen)
            {
                Interlocked.Increment(ref _failOpen);
            }

            if (race)
            {
                Interlocked.Increment(ref _races);
            }

            Latencies.Record(took);
            _ = status switch
            {
                HttpStatusCode.OK => Interlocked.Increment(ref _allowed),
                HttpStatusCode.TooManyRequests => Interlocked.Increment(ref _rejected),
                _ => Interlocked.Increment(ref _errors),
            };
            if (instance is not null)
            {
                ByInstance.AddOrUpdate(instance, 1, static (_, n) => n + 1);
            }
        }
    }
}
