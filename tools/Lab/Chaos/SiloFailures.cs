using System.Diagnostics;
using RateLimiterOrleans.Lab.Stack;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Chaos;

/// <summary>
/// The failures a lab stack is put through, each returning once the cluster has dealt with it: a silo killed
/// (<c>kill -9</c>) and replaced, a silo frozen (<c>kill -STOP</c>) until declared dead and then resumed until it
/// exits, a rolling restart, a Redis outage. Each waits on the cluster's own state, with a deadline, never a sleep.
/// </summary>
public sealed class SiloFailures(LabStack stack, ClusterMembership membership)
{
    /// <summary>Orleans replaces a killed silo in about 3 s; a frozen one in about 17 s (see MembershipTuning).</summary>
    private static readonly TimeSpan ReplacedWithin = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan JoinedWithin = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ExitsWithin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PortsFreedWithin = TimeSpan.FromSeconds(30);

    /// <summary><c>kill -9</c> of a silo; returns once the survivors count it out.</summary>
    public async Task KillAsync(int silo, CancellationToken cancel = default)
    {
        await stack.KillSiloAsync(silo);
        await membership.UntilReplacedAsync(silo, ReplacedWithin, cancel);
    }

    /// <summary>
    /// <c>kill -STOP</c> of a silo until the survivors count it out, then <c>kill -CONT</c>: it runs what it had queued,
    /// learns it was declared dead, and exits. Returns once it has.
    /// </summary>
    public async Task FreezeAsync(int silo, CancellationToken cancel = default)
    {
        int pid = stack.SiloPid(silo) ?? throw new InvalidOperationException($"{StackNames.Api(silo)} is not running.");
        stack.FreezeSilo(silo);
        try
        {
            await membership.UntilReplacedAsync(silo, ReplacedWithin, cancel);
        }
        finally
        {
            stack.ResumeSilo(silo);
        }

        var watch = Stopwatch.StartNew();
        while (PosixProcess.IsAlive(pid))
        {
            if (watch.Elapsed > ExitsWithin)
            {
                throw new TimeoutException($"{StackNames.Api(silo)} was declared dead but had not exited {ExitsWithin.TotalSeconds:0} s after SIGCONT.");
            }

            await Task.Delay(100, cancel);
        }
    }

    /// <summary>Each silo in turn stopped gracefully, started again, and waited for until every silo counts it.</summary>
    public async Task RollingRestartAsync(CancellationToken cancel = default)
    {
        for (int silo = 0; silo < StackPorts.Silos; silo++)
        {
            await stack.StopSiloAsync(silo);
            await RestoreAsync(cancel);
        }
    }

    /// <summary>Redis killed, down for <paramref name="outage"/>, then started again on its data.</summary>
    public async Task RedisOutageAsync(TimeSpan outage, CancellationToken cancel = default)
    {
        await stack.KillRedisAsync();
        // The outage's length is the experiment's setting, not a wait for anything.
        await Task.Delay(outage, cancel);
        await RestoreAsync(cancel);
    }

    /// <summary>Starts whatever is missing and returns once every silo counts every silo.</summary>
    public async Task RestoreAsync(CancellationToken cancel = default)
    {
        // A port the lost process held can stay taken for a moment after it exits, while its connections close, so
        // a start refused for that is tried again until the deadline.
        var watch = Stopwatch.StartNew();
        StackOutcome outcome;
        while (!(outcome = await stack.UpAsync()).Ok && watch.Elapsed < PortsFreedWithin)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        }

        if (!outcome.Ok)
        {
            throw new InvalidOperationException($"The stack could not be brought back up: {outcome.Error}");
        }

        await membership.UntilWholeAsync(JoinedWithin, cancel);
    }
}
