using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.Lab.Stack;

/// <summary>
/// One process <c>up</c> started, a fragment of its command line to recognise it by, and for silos the
/// time their binary was built, so <c>up</c> can tell a silo running an older build.
/// </summary>
public sealed record StartedComponent(int Pid, string Signature, DateTime? Build = null)
{
    /// <summary>Alive, and still the program we started: a recycled pid is not ours to stop.</summary>
    public bool IsRunning() => PosixProcess.IsAlive(Pid) && PosixProcess.CommandLine(Pid).Contains(Signature, StringComparison.Ordinal);
}
