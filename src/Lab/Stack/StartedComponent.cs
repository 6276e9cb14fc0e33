using RateLimiterOrleans.Lab.Processes;

namespace RateLimiterOrleans.Lab.Stack;

/// <summary>One process <c>up</c> started, and a fragment of its command line to recognise it by.</summary>
public sealed record StartedComponent(int Pid, string Signature)
{
    /// <summary>Alive, and still the program we started: a recycled pid is not ours to stop.</summary>
    public bool IsRunning() => PosixProcess.IsAlive(Pid) && PosixProcess.CommandLine(Pid).Contains(Signature, StringComparison.Ordinal);
}
