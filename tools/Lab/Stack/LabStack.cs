using System.Diagnostics;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Stack;

/// <summary>
/// One lab stack: Redis, three silos and nginx as native processes. <c>./lab up/down/status</c> and the
/// end-to-end tests drive stacks through this one class, so the tests exercise what users run.
/// </summary>
public sealed class LabStack(StackLayout layout, StackPorts requestedPorts, StackSettings settings, IStackProgress progress)
{
    private static readonly TimeSpan RedisStartup = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SiloStartup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan NginxStartup = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PrometheusStartup = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SiloGrace = TimeSpan.FromSeconds(30);

    private StackState _state = LoadOrNew(layout, requestedPorts);

    public StackPorts Ports => _state.Ports;

    public StackLayout Layout => layout;

    /// <summary>Starts whatever is not running yet, in order, and waits until each is healthy.</summary>
    public async Task<StackOutcome> UpAsync()
    {
        if (_state.Ports != requestedPorts && _state.Components.Values.Any(c => c.IsRunning()))
        {
            progress.Step($"a stack is already running on nginx port {_state.Ports.Nginx}; keeping its ports");
        }

        var outcome = await EnsureRunning(StackNames.Redis, StartRedis, () => RedisProbe.PingAsync(Ports.Redis, TimeSpan.FromSeconds(1)), RedisStartup);
        if (!outcome.Ok)
        {
            return outcome;
        }

        var silos = await Task.WhenAll(Enumerable.Range(0, StackPorts.Silos).Select(i =>
            EnsureRunning(StackNames.Api(i), () => StartSilo(i), () => HttpProbe.IsOkAsync(HealthUrl(Ports.Api[i])), SiloStartup)));
        if (silos.FirstOrDefault(s => !s.Ok) is { } failed)
        {
            return failed;
        }

        outcome = await EnsureRunning(StackNames.Nginx, StartNginx, () => HttpProbe.IsOkAsync(HealthUrl(Ports.Nginx)), NginxStartup);
        if (!outcome.Ok || !settings.Observability)
        {
            return outcome;
        }

        return await EnsureRunning(StackNames.Prometheus, StartPrometheus, () => HttpProbe.IsOkAsync($"http://127.0.0.1:{Ports.Prometheus}/-/ready"), PrometheusStartup);
    }

    /// <summary>Stops what this stack started: nginx, then the silos, then Redis, which they need to leave the cluster cleanly.</summary>
    public async Task DownAsync()
    {
        await Stop(StackNames.Prometheus, TimeSpan.FromSeconds(10));
        await Stop(StackNames.Nginx, TimeSpan.FromSeconds(10));
        await Task.WhenAll(Enumerable.Range(0, StackPorts.Silos).Select(i => Stop(StackNames.Api(i), SiloGrace)));
        await Stop(StackNames.Redis, TimeSpan.FromSeconds(15));
        if (File.Exists(layout.StateFile))
        {
            File.Delete(layout.StateFile);
        }
    }

    public async Task<IReadOnlyList<ComponentStatus>> StatusAsync()
    {
        var statuses = new List<ComponentStatus>();
        foreach (var name in StackNames.All.Where(n => StackNames.Core.Contains(n) || _state.Components.ContainsKey(n)))
        {
            var started = _state.Components.GetValueOrDefault(name);
            bool running = started?.IsRunning() ?? false;
            int port = PortOf(name);
            bool isSilo = name.StartsWith("api-", StringComparison.Ordinal);
            // A silo is healthy when ready to decide in the mode in force; live alone says it needs no restart.
            bool healthy = running && name switch
            {
                StackNames.Redis => await RedisProbe.PingAsync(port, TimeSpan.FromSeconds(1)),
                StackNames.Prometheus => await HttpProbe.IsOkAsync($"http://127.0.0.1:{port}/-/ready"),
                StackNames.Nginx => await HttpProbe.IsOkAsync($"http://127.0.0.1:{port}/health/live"),
                _ => await HttpProbe.IsOkAsync($"http://127.0.0.1:{port}/health/ready"),
            };
            bool? live = isSilo && running ? healthy || await HttpProbe.IsOkAsync($"http://127.0.0.1:{port}/health/live") : null;
            string url = name == StackNames.Redis ? $"redis://localhost:{port}" : $"http://localhost:{port}";
            statuses.Add(new ComponentStatus(name, running ? started!.Pid : null, port, running, healthy, url, live));
        }

        return statuses;
    }

    /// <summary>Ends a silo at once, as <c>kill -9</c> would, and returns once it is gone.</summary>
    public Task KillSiloAsync(int index) => Kill(StackNames.Api(index));

    /// <summary>Stops a silo the way an orchestrator would (SIGTERM, then SIGKILL after 30 s): it leaves the cluster and hands its grains over.</summary>
    public Task StopSiloAsync(int index) => Stop(StackNames.Api(index), SiloGrace);

    /// <summary>Stops a silo's process without ending it (<c>kill -STOP</c>), as a long pause or a hung host would.</summary>
    public void FreezeSilo(int index) => Signal(StackNames.Api(index), PosixProcess.SigStop);

    /// <summary>Lets a frozen silo run again (<c>kill -CONT</c>).</summary>
    public void ResumeSilo(int index) => Signal(StackNames.Api(index), PosixProcess.SigCont);

    /// <summary>The process id of a silo this stack started and that still runs, if any.</summary>
    public int? SiloPid(int index) =>
        _state.Components.GetValueOrDefault(StackNames.Api(index)) is { } started && started.IsRunning() ? started.Pid : null;

    /// <summary>
    /// Rewrites nginx's configuration for round-robin or affinity routing and has the running nginx reload it
    /// (<c>SIGHUP</c>): new connections are balanced the new way, and no request is dropped.
    /// </summary>
    public void RebalanceNginx(bool affinity)
    {
        NginxConfig.Write(layout, Ports, affinity);
        Signal(StackNames.Nginx, PosixProcess.SigHup);
    }

    /// <summary>Ends Redis at once, as a crash would, and returns once it is gone.</summary>
    public Task KillRedisAsync() => Kill(StackNames.Redis);

    public int PortOf(string name) => name switch
    {
        StackNames.Redis => Ports.Redis,
        StackNames.Nginx => Ports.Nginx,
        StackNames.Prometheus => Ports.Prometheus,
        _ => Ports.Api[StackNames.All.ToList().IndexOf(name) - 1],
    };

    private static StackState LoadOrNew(StackLayout layout, StackPorts ports)
    {
        var saved = StackState.Load(layout.StateFile);
        return saved is not null && saved.Components.Values.Any(c => c.IsRunning()) ? saved : new StackState(ports, []);
    }

    private static string HealthUrl(int port) => $"http://127.0.0.1:{port}/health";

    private async Task<StackOutcome> EnsureRunning(string name, Func<StartedComponent> start, Func<Task<bool>> ready, TimeSpan timeout)
    {
        if (_state.Components.GetValueOrDefault(name) is { } stale && stale.IsRunning() && stale.Build is { } built && built != SiloBuildTime())
        {
            progress.Step($"{name} runs an older build; restarting it");
            await PosixProcess.StopAsync(stale.Pid, TimeSpan.FromSeconds(30));
        }

        if (_state.Components.GetValueOrDefault(name) is { } existing && existing.IsRunning())
        {
            progress.Step($"{name} already running (pid {existing.Pid})");
        }
        else
        {
            foreach (var port in Ports.All().Where(p => p.Owner == name).Select(p => p.Port))
            {
                if (FreePort.IsInUse(port))
                {
                    return StackOutcome.Failure($"port {port}, needed by {name}, is taken by {await PortOwner.DescribeAsync(port)}");
                }
            }

            StartedComponent started;
            lock (_state)
            {
                started = start();
                _state.Components[name] = started;
                _state.Save(layout.StateFile);
            }

            progress.Step($"{name} started (pid {started.Pid}), log {layout.LogFile(name)}");
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var lastReport = TimeSpan.Zero;
            while (!await ready())
            {
                // Only whether the process lives: while setsid and sh exec into the server, its command line
                // can read as empty for an instant, so the signature is for records of earlier runs only.
                if (!PosixProcess.IsAlive(_state.Components[name].Pid))
                {
                    return StackOutcome.Failure($"{name} exited while starting; last lines of {layout.LogFile(name)}:\n{Tail(layout.LogFile(name), 15)}");
                }

                if (watch.Elapsed > timeout)
                {
                    return StackOutcome.Failure($"{name} was not healthy within {timeout.TotalSeconds:0} s; see {layout.LogFile(name)}");
                }

                if (watch.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
                {
                    lastReport = watch.Elapsed;
                    progress.Waiting(name, watch.Elapsed);
                }

                await Task.Delay(200);
            }
        }
        finally
        {
            progress.DoneWaiting(name);
        }

        progress.Step($"{name} healthy after {watch.Elapsed.TotalSeconds:0.0} s");
        return StackOutcome.Success;
    }

    private StartedComponent StartRedis()
    {
        var redis = new RedisServerSettings(Ports.Redis, layout.RedisDirectory);
        Directory.CreateDirectory(redis.DataDirectory);
        int pid = DetachedProcess.Start(Executables.Find("redis-server"), redis.Arguments(), layout.LogFile(StackNames.Redis));
        // Redis rewrites its own process title, so only its name is certain to stay in the command line.
        return new StartedComponent(pid, "redis-server");
    }

    private StartedComponent StartSilo(int index)
    {
        if (!File.Exists(layout.SiloAssembly))
        {
            throw new FileNotFoundException($"The silo is not built: {layout.SiloAssembly}", layout.SiloAssembly);
        }

        string url = $"http://127.0.0.1:{Ports.Api[index]}";
        var environment = new Dictionary<string, string>
        {
            ["RateLimiter__InstanceName"] = StackNames.Api(index),
            ["RateLimiter__Redis"] = $"127.0.0.1:{Ports.Redis}",
            ["Orleans__ClusterId"] = settings.ClusterId,
            ["Orleans__ServiceId"] = settings.ServiceId,
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Orleans__SiloPort"] = Ports.Silo[index].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = Ports.Gateway[index].ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The lab page's "breaking things" buttons: on in the lab, off wherever the silo runs otherwise.
            ["RateLimiter__Lab__Chaos"] = "true",
            // The Orleans dashboard profiles every grain call and samples counters even when nobody watches, so it
            // comes with the rest of the monitoring.
            ["Orleans__Dashboard"] = settings.Observability ? "true" : "false",
        };
        // The secrets and settings a user exports for the lab (RATELIMITER_ADMIN_TOKEN=... ./lab up) reach every silo.
        foreach (var variable in Environment.GetEnvironmentVariables().Keys.OfType<string>().Where(k => k.StartsWith("RATELIMITER_", StringComparison.Ordinal)))
        {
            environment[variable] = Environment.GetEnvironmentVariable(variable)!;
        }

        foreach (var (key, value) in settings.SiloEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        int pid = DetachedProcess.Start("dotnet", [layout.SiloAssembly, "--urls", url], layout.LogFile(StackNames.Api(index)), environment);
        return new StartedComponent(pid, $"--urls {url}", SiloBuildTime());
    }

    private StartedComponent StartNginx()
    {
        string config = NginxConfig.Write(layout, Ports, settings.Affinity);
        int pid = DetachedProcess.Start(Executables.Find("nginx"), ["-p", layout.NginxDirectory, "-c", config, "-e", layout.LogFile(StackNames.Nginx)], layout.LogFile(StackNames.Nginx));
        return new StartedComponent(pid, config);
    }

    private StartedComponent StartPrometheus()
    {
        string config = PrometheusConfig.Write(layout, Ports);
        string[] arguments =
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(layout.PrometheusDirectory, "data")}",
            $"--web.listen-address=127.0.0.1:{Ports.Prometheus}",
        ];
        int pid = DetachedProcess.Start(Executables.Find("prometheus"), arguments, layout.LogFile(StackNames.Prometheus));
        return new StartedComponent(pid, config);
    }

    private async Task Kill(string name)
    {
        if (_state.Components.GetValueOrDefault(name) is { } started && started.IsRunning())
        {
            await PosixProcess.StopAsync(started.Pid, TimeSpan.Zero);
        }
    }

    private void Signal(string name, int signal)
    {
        if (_state.Components.GetValueOrDefault(name) is { } started && started.IsRunning())
        {
            PosixProcess.Signal(started.Pid, signal);
        }
    }

    private async Task Stop(string name, TimeSpan grace)
    {
        if (_state.Components.GetValueOrDefault(name) is { } started && started.IsRunning())
        {
            progress.Step($"stopping {name} (pid {started.Pid})");
            await PosixProcess.StopAsync(started.Pid, grace);
        }
    }

    private DateTime SiloBuildTime() => File.GetLastWriteTimeUtc(layout.SiloAssembly);

    private static string Tail(string file, int lines) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(lines)) : "(no log)";
}
